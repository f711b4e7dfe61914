package org.openplaza.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for new hashes, with OWASP's parameters (19 MiB, 2 passes, 1 lane): unlike bcrypt it
 * reads the whole password, however long. Hashes made with bcrypt before still verify and report
 * that they need upgrading, which the sign-in does with the password just checked. The password is
 * NFKC-normalised first, so that the same password typed on different keyboards or input methods
 * matches.
 */
final class NormalisingPasswordEncoder implements PasswordEncoder {

    static final String ARGON2 = "argon2";

    /** What bcrypt reads of a password; a longer one can never have been stored with it. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder delegate = new DelegatingPasswordEncoder(
            ARGON2,
            Map.of(ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2), "bcrypt", new BCryptPasswordEncoder()));

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(PasswordPolicy.normalise(rawPassword.toString()));
    }

    @Override
    public boolean matches(CharSequence rawPassword, @Nullable String encodedPassword) {
        String normalised = PasswordPolicy.normalise(rawPassword.toString());
        if (encodedPassword != null
                && encodedPassword.startsWith("{bcrypt}")
                && normalised.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return false;
        }
        return delegate.matches(normalised, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
