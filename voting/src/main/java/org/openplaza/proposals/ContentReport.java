package org.openplaza.proposals;

import java.time.Instant;

/**
 * An open report on a proposal or comment, as the moderation queue shows it, with how often the
 * author's content was hidden before (repeat offenders can be suspended).
 */
public record ContentReport(
        long id,
        Target target,
        long targetId,
        long proposalId,
        String excerpt,
        String author,
        String authorUsername,
        int authorHiddenBefore,
        String reporter,
        String reason,
        Instant reportedAt) {

    public enum Target {
        PROPOSAL,
        COMMENT
    }
}
