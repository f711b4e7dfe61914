package org.openplaza.accounts;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right and a second factor is owed: not a failure of the sign-in, its first
 * step. The portal keeps the {@link PendingSignIn} in the session and asks for the code.
 */
public class SecondFactorRequired extends AuthenticationException {

    private final transient PendingSignIn pending;

    SecondFactorRequired(PendingSignIn pending) {
        super("a second factor is required");
        this.pending = pending;
    }

    public PendingSignIn pending() {
        return pending;
    }
}
