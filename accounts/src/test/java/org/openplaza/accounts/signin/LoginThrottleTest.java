package org.openplaza.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountsProperties;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new AccountsProperties(
                    15,
                    128,
                    5,
                    20,
                    Duration.ofMinutes(15),
                    2,
                    Duration.ofHours(1),
                    new AccountsProperties.BootstrapAdmin(null, null, null)),
            clock);

    @Test
    void an_address_registers_two_accounts_an_hour_and_others_are_not_held_back() {
        assertThat(throttle.mayRegister("10.0.0.7")).isTrue();
        throttle.recordRegistration("10.0.0.7");
        throttle.recordRegistration("10.0.0.7");
        assertThat(throttle.mayRegister("10.0.0.7")).isFalse();
        assertThat(throttle.mayRegister("10.0.0.8")).isTrue();
        assertThat(throttle.isThrottled("anyone", "10.0.0.7"))
                .as("registering does not spend the address's sign-in allowance")
                .isFalse();
        clock.advance(Duration.ofMinutes(31));
        assertThat(throttle.mayRegister("10.0.0.7"))
                .as("one comes back every half hour")
                .isTrue();
    }

    @Test
    void an_account_is_throttled_after_five_failures_and_others_are_not() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("kim", "10.0.0.1");
        }
        assertThat(throttle.isThrottled("kim", "10.0.0.2")).isFalse();
        throttle.recordFailure("kim", "10.0.0.1");
        assertThat(throttle.isThrottled("kim", "10.0.0.2")).isTrue();
        assertThat(throttle.isThrottled("KIM ", "10.0.0.2"))
                .as("usernames match case-insensitively")
                .isTrue();
        assertThat(throttle.isThrottled("lee", "10.0.0.2")).isFalse();
    }

    @Test
    void attempts_come_back_as_time_passes() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("kim", null);
        }
        assertThat(throttle.isThrottled("kim", null)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isThrottled("kim", null)).isTrue();
        clock.advance(Duration.ofMinutes(2)); // one attempt every 3 minutes comes back
        assertThat(throttle.isThrottled("kim", null)).isFalse();
        throttle.recordFailure("kim", null);
        assertThat(throttle.isThrottled("kim", null)).isTrue();
    }

    @Test
    void an_address_is_throttled_after_twenty_failures_whatever_the_usernames() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.isThrottled("someone-new", "192.0.2.7")).isTrue();
        assertThat(throttle.isThrottled("someone-new", "192.0.2.8")).isFalse();
    }

    @Test
    void a_successful_sign_in_forgives_the_accounts_earlier_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("kim", null);
        }
        throttle.recordSuccess("kim");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("kim", null);
        }
        assertThat(throttle.isThrottled("kim", null)).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
