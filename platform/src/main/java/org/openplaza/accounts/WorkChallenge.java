package org.openplaza.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A proof of work asked of the browser before an account is registered (in the manner of
 * Hashcash and ALTCHA): find a number that, written after the challenge, gives a SHA-256 with
 * {@link #bits} leading zero bits. A person's browser does it in about a second while they read
 * the confirmation, with nothing to see, solve or hear, so a screen-reader user is not slowed
 * down at all; a script that registers accounts in bulk pays the work for each one. A challenge
 * is used once and lasts ten minutes.
 */
public final class WorkChallenge {

    static final Duration LASTS = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String challenge;
    private final int bits;
    private final Instant expires;
    private boolean used;

    private WorkChallenge(String challenge, int bits, Instant expires) {
        this.challenge = challenge;
        this.bits = bits;
        this.expires = expires;
    }

    /** A new challenge of this difficulty, made now. */
    public static WorkChallenge issue(int bits, Clock clock) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new WorkChallenge(
                HexFormat.of().formatHex(bytes), bits, clock.instant().plus(LASTS));
    }

    public String challenge() {
        return challenge;
    }

    public int bits() {
        return bits;
    }

    /**
     * Whether this answer does the work, within the time, the first time it is given; any answer
     * uses the challenge up, so each try needs a new one.
     */
    public synchronized boolean accept(@Nullable String answer, Clock clock) {
        if (used || answer == null || answer.length() > 20 || clock.instant().isAfter(expires)) {
            used = true;
            return false;
        }
        used = true;
        return leadingZeroBits(sha256(challenge + ":" + answer)) >= bits;
    }

    static int leadingZeroBits(byte[] hash) {
        int zeros = 0;
        for (byte b : hash) {
            if (b == 0) {
                zeros += 8;
                continue;
            }
            return zeros + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return zeros;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The script a browser runs to answer (Web Crypto): the first number that does the work. */
    public static final String SOLVER = """
            const challenge = $0, bits = $1;
            if (!(window.crypto && crypto.subtle)) return null;
            const encoder = new TextEncoder();
            const zeros = (bytes) => {
              let n = 0;
              for (const b of bytes) {
                if (b === 0) { n += 8; continue; }
                return n + Math.clz32(b) - 24;
              }
              return n;
            };
            for (let nonce = 0; nonce < 100000000; nonce++) {
              const hash = new Uint8Array(
                  await crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + nonce)));
              if (zeros(hash) >= bits) return String(nonce);
            }
            return null;
            """;
}
