package org.openplaza.accounts.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.AccountsProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Each username and each network address has a token bucket; a
 * failed sign-in takes a token, tokens come back steadily over the throttle window, and while a
 * bucket is empty every sign-in for that username or from that address is refused, whether the
 * account exists or not. Keys are kept in memory for as long as the window, on this node.
 */
@Component
public class LoginThrottle {

    private final Cache<String, Bucket> buckets;
    private final Bandwidth perAccount;
    private final Bandwidth perAddress;
    private final Bandwidth registrations;
    private final TimeMeter timeMeter;

    public LoginThrottle(AccountsProperties properties, Clock clock) {
        Duration window = properties.throttleWindow();
        this.perAccount = limit(properties.failuresPerAccount(), window);
        this.perAddress = limit(properties.failuresPerAddress(), window);
        this.registrations = limit(properties.registrationsPerAddress(), properties.registrationWindow());
        this.timeMeter = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(
                        window.compareTo(properties.registrationWindow()) >= 0
                                ? window
                                : properties.registrationWindow())
                .maximumSize(200_000)
                .build();
    }

    private static Bandwidth limit(int failures, Duration window) {
        return Bandwidth.builder()
                .capacity(failures)
                .refillGreedy(failures, window)
                .build();
    }

    /** Whether a sign-in for this username from this address must be refused without checking it. */
    public boolean isThrottled(String username, @Nullable String address) {
        return empty(accountKey(username), perAccount) || (address != null && empty(addressKey(address), perAddress));
    }

    public void recordFailure(String username, @Nullable String address) {
        bucket(accountKey(username), perAccount).tryConsume(1);
        if (address != null) {
            bucket(addressKey(address), perAddress).tryConsume(1);
        }
    }

    /** Whether this address may register another account now (scripted sign-ups are held back). */
    public boolean mayRegister(String address) {
        return !empty("register:" + address, registrations);
    }

    public void recordRegistration(String address) {
        bucket("register:" + address, registrations).tryConsume(1);
    }

    /** A successful sign-in forgives the account's earlier failures (not the address's). */
    public void recordSuccess(String username) {
        buckets.invalidate(accountKey(username));
    }

    private boolean empty(String key, Bandwidth bandwidth) {
        return bucket(key, bandwidth).getAvailableTokens() < 1;
    }

    private Bucket bucket(String key, Bandwidth bandwidth) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(bandwidth)
                        .withCustomTimePrecision(timeMeter)
                        .build());
    }

    private static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Duration.ofMillis(clock.millis()).toNanos();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
