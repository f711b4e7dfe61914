package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiptCodesTest {

    @Test
    void a_code_has_its_length_and_only_symbols_without_look_alikes() {
        String code = new ReceiptCodes(new Random(7)).next(16);
        assertThat(code).hasSize(16).matches("[A-HJ-NP-Z2-9]{16}");
        assertThat(new ReceiptCodes(new Random(7)).next(16))
                .as("the generator alone decides the code")
                .isEqualTo(code);
    }

    @Test
    void every_symbol_is_as_likely() {
        ReceiptCodes codes = new ReceiptCodes(new Random(2026));
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            for (char c : codes.next(16).toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        assertThat(counts).hasSize(32);
        // 32,000 symbols: 1,000 of each expected
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(880, 1120));
    }

    @Test
    void the_portals_codes_are_not_repeated() {
        ReceiptCodes codes = new ReceiptCodes();
        assertThat(codes.next(16)).isNotEqualTo(codes.next(16));
    }
}
