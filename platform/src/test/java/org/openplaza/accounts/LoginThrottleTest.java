package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new AccountsProperties(
                    15,
                    128,
                    5,
                    20,
                    50,
                    Duration.ofMinutes(15),
                    2,
                    Duration.ofHours(1),
                    3,
                    Duration.ofHours(1),
                    "target/test-keys/unused.key",
                    new AccountsProperties.BootstrapAdmin(null, null, null)),
            org.openplaza.platform.RateLimits.inMemory(clock));

    @Test
    void an_address_registers_two_accounts_an_hour_and_others_are_not_held_back() {
        assertThat(throttle.mayRegister("10.0.0.7")).isTrue();
        throttle.recordRegistration("10.0.0.7");
        throttle.recordRegistration("10.0.0.7");
        assertThat(throttle.mayRegister("10.0.0.7")).isFalse();
        assertThat(throttle.mayRegister("10.0.0.8")).isTrue();
        assertThat(throttle.isThrottled(from("anyone", "10.0.0.7")))
                .as("registering does not spend the address's sign-in allowance")
                .isFalse();
        clock.advance(Duration.ofMinutes(31));
        assertThat(throttle.mayRegister("10.0.0.7"))
                .as("one comes back every half hour")
                .isTrue();
    }

    private static LoginThrottle.Attempt from(String username, String address) {
        return new LoginThrottle.Attempt(username, address, null);
    }

    private static LoginThrottle.Attempt byDevice(String username, String device) {
        return new LoginThrottle.Attempt(username, "198.51.100.1", device);
    }

    @Test
    void a_username_is_throttled_after_five_failures_from_one_address_and_only_there() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(from("kim", "10.0.0.1"));
        }
        assertThat(throttle.isThrottled(from("kim", "10.0.0.1"))).isFalse();
        throttle.recordFailure(from("kim", "10.0.0.1"));
        assertThat(throttle.isThrottled(from("kim", "10.0.0.1"))).isTrue();
        assertThat(throttle.isThrottled(from("KIM ", "10.0.0.1")))
                .as("usernames match case-insensitively")
                .isTrue();
        assertThat(throttle.isThrottled(from("kim", "10.0.0.2")))
                .as("the attacker's failures do not lock kim out from her own address")
                .isFalse();
        assertThat(throttle.isThrottled(from("lee", "10.0.0.1"))).isFalse();
    }

    @Test
    void attempts_come_back_as_time_passes() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(from("kim", null));
        }
        assertThat(throttle.isThrottled(from("kim", null))).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isThrottled(from("kim", null))).isTrue();
        clock.advance(Duration.ofMinutes(2)); // one attempt every 3 minutes comes back
        assertThat(throttle.isThrottled(from("kim", null))).isFalse();
        throttle.recordFailure(from("kim", null));
        assertThat(throttle.isThrottled(from("kim", null))).isTrue();
    }

    @Test
    void an_address_is_throttled_after_twenty_failures_whatever_the_usernames() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(from("user" + i, "192.0.2.7"));
        }
        assertThat(throttle.isThrottled(from("someone-new", "192.0.2.7"))).isTrue();
        assertThat(throttle.isThrottled(from("someone-new", "192.0.2.8"))).isFalse();
    }

    @Test
    void guessing_from_many_addresses_holds_the_username_back_but_not_a_browser_that_signed_in_before() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure(from("kim", "203.0.113." + i));
        }
        assertThat(throttle.isThrottled(from("kim", "10.9.9.9")))
                .as("fifty failures from fifty addresses: kim is held back from a new address")
                .isTrue();
        assertThat(throttle.isThrottled(byDevice("kim", "kims-phone")))
                .as("but her phone, which signed in before, still may")
                .isFalse();
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(byDevice("kim", "stolen-cookie"));
        }
        assertThat(throttle.isThrottled(byDevice("kim", "stolen-cookie")))
                .as("a browser has five failures of its own")
                .isTrue();
        assertThat(throttle.isThrottled(byDevice("kim", "kims-phone")))
                .as("which spend nothing of another browser's")
                .isFalse();
    }

    @Test
    void the_password_asked_again_of_a_signed_in_user_is_held_only_by_their_sessions_failures() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure(from("kim", "203.0.113." + i));
        }
        assertThat(throttle.isRecheckThrottled("kims-session")).isFalse();
        for (int i = 0; i < 5; i++) {
            throttle.recordRecheckFailure("thiefs-session");
        }
        assertThat(throttle.isRecheckThrottled("thiefs-session")).isTrue();
        assertThat(throttle.isRecheckThrottled("kims-session")).isFalse();
    }

    @Test
    void a_successful_sign_in_forgives_its_own_addresses_failures_not_the_others() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(from("kim", "10.0.0.1"));
        }
        throttle.recordSuccess(from("kim", "10.0.0.1"));
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(from("kim", "10.0.0.1"));
        }
        assertThat(throttle.isThrottled(from("kim", "10.0.0.1"))).isFalse();
    }

    @Test
    void wrong_codes_at_the_second_step_hold_the_account_back_from_anywhere_for_the_whole_window() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.isSecondFactorThrottled("Kim")).isFalse();
            throttle.recordSecondFactorFailure("kim");
        }
        assertThat(throttle.isSecondFactorThrottled("kim")).isTrue();
        assertThat(throttle.isSecondFactorThrottled("lee")).isFalse();
        // nothing an attacker does at the first step forgives them
        throttle.recordSuccess(from("kim", "10.0.0.1"));
        assertThat(throttle.isSecondFactorThrottled("kim")).isTrue();
        // past the sign-in window, within its own
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isSecondFactorThrottled("kim")).isTrue();
        clock.advance(Duration.ofMinutes(25));
        assertThat(throttle.isSecondFactorThrottled("kim")).isFalse();
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
