package org.openplaza.accounts;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 with its defaults: HMAC-SHA1,
 * six digits, 30-second steps), through java-otp. Secrets are shown in Base32, as the apps take them.
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int SECRET_BYTES = 20;

    /** Codes of one step either side of the current one are taken, for clocks a little apart. */
    static final int DRIFT_STEPS = 1;

    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

    private Totp() {}

    /** The code of the step that holds this instant, with its leading zeros. */
    public static String code(byte[] secret, Instant at) {
        try {
            int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(secret, GENERATOR.getAlgorithm()), at);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The code of this Base32 secret (as an authenticator app holds it) at this instant. */
    public static String code(String base32Secret, Instant at) {
        return code(decode(base32Secret), at);
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /**
     * The step, within the allowed drift of now and later than {@code after}, whose code this is;
     * empty when it is none of theirs.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now, long after) {
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > after
                    && MessageDigest.isEqual(
                            code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
                                    .getBytes(StandardCharsets.US_ASCII),
                            code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static String encode(byte[] secret) {
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    static byte[] decode(String base32) {
        return new Base32().decode(base32.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The otpauth address an authenticator app reads from a QR code (Key Uri Format). */
    static String uri(String issuer, String username, String base32Secret) {
        String label = escaped(issuer) + ":" + escaped(username);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + escaped(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String escaped(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
