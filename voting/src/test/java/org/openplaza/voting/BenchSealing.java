package org.openplaza.voting;

import org.springframework.context.ApplicationContext;

/** Seals a ballot as the ballot box does, for benchmarks that store a box by plain SQL. Not a test. */
public final class BenchSealing {

    private BenchSealing() {}

    public static String seal(ApplicationContext context, long voteId, String receipt, String choices, int options) {
        return context.getBean(BallotSeals.class).seal(voteId, receipt, choices, options);
    }
}
