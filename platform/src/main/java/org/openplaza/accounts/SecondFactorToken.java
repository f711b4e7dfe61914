package org.openplaza.accounts;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The second step of a sign-in, as sent: the pending sign-in from the session and the code typed.
 * Never authenticated itself; {@link SecondFactorAuthenticationProvider} turns it into the sign-in.
 */
public final class SecondFactorToken extends AbstractAuthenticationToken {

    private final transient PendingSignIn pending;
    private final String code;
    private final @Nullable String address;
    private transient @Nullable List<String> recoveryCodes;

    public SecondFactorToken(PendingSignIn pending, String code, @Nullable String address) {
        super(List.of());
        this.pending = pending;
        this.code = code;
        this.address = address;
        setAuthenticated(false);
    }

    public PendingSignIn pending() {
        return pending;
    }

    String code() {
        return code;
    }

    @Nullable
    String address() {
        return address;
    }

    /** The recovery codes made when this step set up the user's first app, to be shown once. */
    public @Nullable List<String> recoveryCodes() {
        return recoveryCodes;
    }

    void recoveryCodes(List<String> codes) {
        this.recoveryCodes = codes;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return pending.username();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
