package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(15, 128);

    @Test
    void a_long_passphrase_without_digits_or_symbols_is_accepted() {
        assertThat(policy.check("violet harbour lantern sings", List.of("kim"))).isEmpty();
    }

    @Test
    void a_password_under_the_minimum_length_is_refused() {
        assertThat(policy.check("Xq7#vL2!pR", List.of())).contains("password.error.too-short");
    }

    @Test
    void length_is_counted_in_characters_not_bytes_so_korean_passphrases_count_fairly() {
        // 15 Hangul syllables: 45 bytes in UTF-8, 15 characters
        String korean = "푸른바다위에떠오르는작은등대빛";
        assertThat(korean.codePointCount(0, korean.length())).isEqualTo(15);
        assertThat(policy.check(korean, List.of())).isEmpty();
        assertThat(policy.check(korean.substring(0, 14), List.of())).contains("password.error.too-short");
    }

    @Test
    void common_and_repetitive_passwords_are_refused_even_when_long_enough() {
        assertThat(policy.check("passwordpassword", List.of())).contains("password.error.too-guessable");
        assertThat(policy.check("aaaaaaaaaaaaaaaaaaaa", List.of())).contains("password.error.too-guessable");
        assertThat(policy.check("123456789012345", List.of())).contains("password.error.too-guessable");
        assertThat(policy.check("qwertyuiopasdfgh", List.of())).contains("password.error.too-guessable");
    }

    @Test
    void a_password_built_from_the_users_own_name_is_refused() {
        assertThat(policy.check("jungwoo.parkjungwoo", List.of("jungwoo.park", "Jungwoo Park")))
                .contains("password.error.too-guessable");
    }

    @Test
    void a_password_over_the_maximum_length_is_refused() {
        assertThat(policy.check("word ".repeat(30), List.of())).contains("password.error.too-long");
    }

    @Test
    void compatibility_forms_are_normalised_before_checking() {
        // full-width letters normalise (NFKC) to their ASCII forms
        assertThat(PasswordPolicy.normalise("ｐａｓｓ")).isEqualTo("pass");
        assertThat(policy.check("ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ", List.of())).contains("password.error.too-guessable");
    }
}
