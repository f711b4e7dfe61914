package org.openplaza.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring's delegating encoder (bcrypt for new hashes, any older {@code {id}} prefix still
 * verifiable), applied to the NFKC-normalised password so that the same password typed on different
 * keyboards or input methods matches.
 */
final class NormalisingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(PasswordPolicy.normalise(rawPassword.toString()));
    }

    @Override
    public boolean matches(CharSequence rawPassword, @Nullable String encodedPassword) {
        return delegate.matches(PasswordPolicy.normalise(rawPassword.toString()), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
