package org.openplaza.accounts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module, under {@code openplaza.accounts}.
 *
 * @param passwordMinLength NIST SP 800-63B (rev. 4) asks for at least 15 characters when the
 *     password is the only factor
 * @param passwordMaxLength long enough for passphrases; only a guard against abuse
 * @param failuresPerAccount failed sign-ins for one username from one address (or from one
 *     browser that signed in to it before, or in one session asked for the password again) before
 *     they are throttled
 * @param failuresPerAddress failed sign-ins from one network address before it is throttled
 * @param failuresPerAccountAnywhere failed sign-ins for one username from anywhere before sign-ins
 *     for it are throttled, but from browsers that signed in to it before
 * @param throttleWindow the time over which those failures are forgiven again
 * @param secondFactorFailures wrong codes at the second step of signing in to one account, from
 *     anywhere, before that step is refused for it (a code has a million values)
 * @param secondFactorWindow the time over which those wrong codes are forgiven again
 * @param secondFactorKeyFile the file outside the database holding the key that seals the
 *     authenticator secrets and keys the recovery codes' hashes; made on first use
 * @param bootstrapAdmin the first administrator, created on start when no administrator exists
 */
@ConfigurationProperties("openplaza.accounts")
public record AccountsProperties(
        @DefaultValue("15") int passwordMinLength,
        @DefaultValue("128") int passwordMaxLength,
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("50") int failuresPerAccountAnywhere,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("5") int registrationsPerAddress,
        @DefaultValue("1h") Duration registrationWindow,
        @DefaultValue("10") int secondFactorFailures,
        @DefaultValue("1h") Duration secondFactorWindow,
        @DefaultValue("./keys/second-factor.key") String secondFactorKeyFile,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** Read from the environment in production: OPENPLAZA_ACCOUNTS_BOOTSTRAP_ADMIN_USERNAME etc. */
    public record BootstrapAdmin(
            @Nullable String username,
            @Nullable String password,
            @Nullable String email) {}
}
