package org.openplaza.platform;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce, for text kept in the database that only a key outside it
 * opens: the nonce and the sealed bytes in Base64 after a prefix naming the scheme. The associated
 * data binds what is sealed to where it belongs (its row, its account), so a sealed value moved
 * elsewhere does not open.
 */
public final class Sealing {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {}

    public static String seal(String prefix, SecretKey key, byte[] associated, byte[] plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            return prefix
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plain bytes of a value sealed with this prefix, key and associated data; throws when it
     * was sealed otherwise, changed, or is not Base64 after the prefix.
     */
    public static byte[] open(String prefix, SecretKey key, byte[] associated, String stored)
            throws GeneralSecurityException {
        if (!stored.startsWith(prefix)) {
            throw new GeneralSecurityException("not sealed with " + prefix);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not Base64", e);
        }
        if (bytes.length < NONCE) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
        cipher.updateAAD(associated);
        return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
    }
}
