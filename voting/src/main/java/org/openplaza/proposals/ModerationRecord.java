package org.openplaza.proposals;

import java.time.Instant;

/** A line of the public moderation log: what was hidden or restored, when and why, never the text. */
public record ModerationRecord(
        ContentReport.Target target, long targetId, long proposalId, String action, String reason, Instant at) {}
