package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WorkChallengeTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    /** What a browser does: the first number whose hash has enough leading zero bits. */
    private static String solve(WorkChallenge challenge) {
        for (long nonce = 0; ; nonce++) {
            if (WorkChallenge.leadingZeroBits(WorkChallenge.sha256(challenge.challenge() + ":" + nonce))
                    >= challenge.bits()) {
                return Long.toString(nonce);
            }
        }
    }

    @Test
    void the_work_done_is_accepted_once() {
        WorkChallenge challenge = WorkChallenge.issue(12, clock);
        String answer = solve(challenge);
        assertThat(challenge.accept(answer, clock)).isTrue();
        assertThat(challenge.accept(answer, clock)).as("used once").isFalse();
    }

    @Test
    void an_answer_that_does_not_do_the_work_is_refused_and_uses_the_challenge_up() {
        WorkChallenge challenge = WorkChallenge.issue(12, clock);
        String answer = solve(challenge);
        String wrong = Long.toString(Long.parseLong(answer) + 1);
        boolean wrongWorks =
                WorkChallenge.leadingZeroBits(WorkChallenge.sha256(challenge.challenge() + ":" + wrong)) >= 12;
        assertThat(challenge.accept(wrongWorks ? "not a number" : wrong, clock)).isFalse();
        assertThat(challenge.accept(answer, clock))
                .as("no second try on the same challenge")
                .isFalse();
        assertThat(WorkChallenge.issue(12, clock).accept(null, clock)).isFalse();
        assertThat(WorkChallenge.issue(12, clock).accept("1".repeat(21), clock)).isFalse();
    }

    @Test
    void an_answer_after_ten_minutes_is_refused() {
        WorkChallenge challenge = WorkChallenge.issue(8, clock);
        String answer = solve(challenge);
        assertThat(challenge.accept(answer, Clock.offset(clock, Duration.ofMinutes(11))))
                .isFalse();
    }

    @Test
    void leading_zero_bits_are_counted_across_bytes() {
        assertThat(WorkChallenge.leadingZeroBits(new byte[] {0, 0, 0x1f, 1})).isEqualTo(19);
        assertThat(WorkChallenge.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(WorkChallenge.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }
}
