package org.openplaza.accounts;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * A sign-in half done: the password was right and the second step is owed. Kept in the HTTP session
 * on the server, never in the security context: until the code is given the browser is not signed
 * in, and nothing but the second step's page sees it. It lasts {@link #LASTS}; after {@link
 * #TRIES} wrong codes the password has to be given again.
 *
 * @param passed who gave the right password, with their roles; no credentials
 * @param enrolment the app to set up first, for someone whose roles require one and who has none
 */
public record PendingSignIn(
        Authentication passed, SecondFactors.@Nullable Enrolment enrolment, Instant startedAt, AtomicInteger wrong)
        implements Serializable {

    public static final String ATTRIBUTE = "openplaza.pending-sign-in";

    /** The session attribute of the recovery codes made as a sign-in set up the first app, shown once. */
    public static final String FRESH_RECOVERY_CODES = "openplaza.fresh-recovery-codes";

    public static final Duration LASTS = Duration.ofMinutes(5);
    public static final int TRIES = 5;

    public PendingSignIn(Authentication passed, SecondFactors.@Nullable Enrolment enrolment, Instant startedAt) {
        this(passed, enrolment, startedAt, new AtomicInteger());
    }

    public String username() {
        return passed.getName();
    }

    public boolean expired(Clock clock) {
        return !clock.instant().isBefore(startedAt.plus(LASTS)) || wrong.get() >= TRIES;
    }

    /** Counts a wrong code; whether this sign-in may still be finished. */
    public boolean wrongCode() {
        return wrong.incrementAndGet() < TRIES;
    }

    @Override
    public String toString() {
        return "PendingSignIn[" + username() + "]";
    }
}
