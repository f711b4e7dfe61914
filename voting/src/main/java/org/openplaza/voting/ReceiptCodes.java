package org.openplaza.voting;

import java.security.SecureRandom;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The random codes a voter is given: a ballot's receipt, and the secret that lets them change it.
 * Drawn from a {@link SecureRandom} in the portal; a test may give a generator of its own.
 */
@Component
class ReceiptCodes {

    /** 32 symbols without look-alikes (no I, O, 0, 1): 5 bits each. */
    static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Random random;

    @Autowired
    ReceiptCodes() {
        this(new SecureRandom());
    }

    ReceiptCodes(Random random) {
        this.random = random;
    }

    /** A code of this many symbols; a byte's low 5 bits choose one, so every symbol is as likely. */
    String next(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[bytes[i] & 31];
        }
        return new String(code);
    }
}
