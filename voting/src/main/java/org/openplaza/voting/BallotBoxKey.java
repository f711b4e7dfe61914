package org.openplaza.voting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.openplaza.platform.KeyFiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints of ballot boxes, kept in a file outside the database
 * ({@link VotingProperties#keyFile()}): two lines, the private key (PKCS#8) and the public key
 * (X.509), each in Base64. Someone who rewrites the database cannot sign a checkpoint of what they
 * wrote; the count verifies every checkpoint with the public key read from this file, never from
 * the database.
 */
@Component
@EnableConfigurationProperties(VotingProperties.class)
class BallotBoxKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    BallotBoxKey(VotingProperties properties) {
        Path file = Path.of(properties.keyFile()).toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(lines.get(0).strip())));
            publicKey = keys.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(lines.get(1).strip())));
        } catch (IOException e) {
            throw new UncheckedIOException("The ballot-box key " + file + " cannot be read or made", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The ballot-box key " + file + " is not an Ed25519 key pair", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String text = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        KeyFiles.create(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The public key (X.509, Base64), which anyone may use to check a checkpoint. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verifies(String text, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
