package org.openplaza.accounts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock a user out (OWASP ASVS 2.2.1). A failed
 * sign-in takes a token from token buckets that refill steadily over the throttle window; while a
 * bucket is empty the sign-ins it covers are refused without checking, whether the account exists
 * or not:
 *
 * <ul>
 *   <li>one username from one address ({@code failures-per-account}, 5): an attacker guessing from
 *       their own address stops there and spends nobody else's allowance;
 *   <li>one network address, whatever the username ({@code failures-per-address}, 20): spraying;
 *   <li>one username from anywhere ({@code failures-per-account-anywhere}, 50): guessing from many
 *       addresses at once;
 *   <li>a browser that signed in to the account before ({@link org.openplaza.accounts.TrustedDevices}) has an allowance
 *       of its own ({@code failures-per-account}) and is held by none of the above, so its user
 *       still signs in while others guess at their name;
 *   <li>the password asked again of a signed-in user (before casting a ballot) is held only by
 *       their session's own allowance, never by anyone else's failures.
 * </ul>
 *
 * The buckets are {@link RateLimits}: shared by every node of a cluster on PostgreSQL, in this
 * node's memory on H2; a bucket is kept until it is full again.
 */
@Component
public class LoginThrottle {

    /** A sign-in attempt: the username, the address it came from, and the trusted browser's key. */
    public record Attempt(
            String username,
            @Nullable String address,
            @Nullable String device) {}

    private final RateLimits buckets;
    private final Bandwidth perAccount;
    private final Bandwidth perAccountAnywhere;
    private final Bandwidth perAddress;
    private final Bandwidth registrations;
    private final Bandwidth secondFactor;

    public LoginThrottle(AccountsProperties properties, RateLimits buckets) {
        Duration window = properties.throttleWindow();
        this.perAccount = limit(properties.failuresPerAccount(), window);
        this.perAccountAnywhere = limit(properties.failuresPerAccountAnywhere(), window);
        this.perAddress = limit(properties.failuresPerAddress(), window);
        this.registrations = limit(properties.registrationsPerAddress(), properties.registrationWindow());
        this.secondFactor = limit(properties.secondFactorFailures(), properties.secondFactorWindow());
        this.buckets = buckets;
    }

    private static Bandwidth limit(int failures, Duration window) {
        return Bandwidth.builder()
                .capacity(failures)
                .refillGreedy(failures, window)
                .build();
    }

    /** Whether this sign-in must be refused without checking the password. */
    public boolean isThrottled(Attempt attempt) {
        if (attempt.device() != null) {
            return empty(deviceKey(attempt.device()), perAccount);
        }
        return empty(pairKey(attempt), perAccount)
                || empty(accountKey(attempt.username()), perAccountAnywhere)
                || (attempt.address() != null && empty(addressKey(attempt.address()), perAddress));
    }

    public void recordFailure(Attempt attempt) {
        if (attempt.device() != null) {
            bucket(deviceKey(attempt.device()), perAccount).tryConsume(1);
            return;
        }
        bucket(pairKey(attempt), perAccount).tryConsume(1);
        bucket(accountKey(attempt.username()), perAccountAnywhere).tryConsume(1);
        if (attempt.address() != null) {
            bucket(addressKey(attempt.address()), perAddress).tryConsume(1);
        }
    }

    /**
     * A successful sign-in forgives the failures of its own address or browser for the account;
     * not the account's failures from elsewhere, nor the address's for other accounts.
     */
    public void recordSuccess(Attempt attempt) {
        buckets.forget("login:" + (attempt.device() != null ? deviceKey(attempt.device()) : pairKey(attempt)));
    }

    /** Whether the password check asked of a signed-in user in this session must be refused. */
    public boolean isRecheckThrottled(String session) {
        return empty(sessionKey(session), perAccount);
    }

    public void recordRecheckFailure(String session) {
        bucket(sessionKey(session), perAccount).tryConsume(1);
    }

    /**
     * Whether the second step of signing in to this account must be refused now: too many wrong
     * codes were given for it, from any browser, by someone who had its password.
     */
    public boolean isSecondFactorThrottled(String username) {
        return empty(secondFactorKey(username), secondFactor);
    }

    public void recordSecondFactorFailure(String username) {
        bucket(secondFactorKey(username), secondFactor).tryConsume(1);
    }

    /** Whether this address may register another account now (scripted sign-ups are held back). */
    public boolean mayRegister(String address) {
        return !empty("register:" + address, registrations);
    }

    public void recordRegistration(String address) {
        bucket("register:" + address, registrations).tryConsume(1);
    }

    private boolean empty(String key, Bandwidth bandwidth) {
        return bucket(key, bandwidth).getAvailableTokens() < 1;
    }

    private Bucket bucket(String key, Bandwidth bandwidth) {
        return buckets.bucket("login:" + key, bandwidth);
    }

    private static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String secondFactorKey(String username) {
        return "code:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String pairKey(Attempt attempt) {
        return "pair:" + attempt.username().strip().toLowerCase(Locale.ROOT) + " " + attempt.address();
    }

    private static String deviceKey(String device) {
        return "device:" + device;
    }

    private static String sessionKey(String session) {
        return "session:" + session;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
