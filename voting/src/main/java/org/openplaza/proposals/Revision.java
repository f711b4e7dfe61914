package org.openplaza.proposals;

import java.time.Instant;

/** One published text of a proposal. */
public record Revision(int number, String title, String summary, String body, Instant editedAt, String editor) {}
