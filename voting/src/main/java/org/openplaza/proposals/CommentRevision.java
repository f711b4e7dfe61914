package org.openplaza.proposals;

import java.time.Instant;

/** A text a comment had before its author edited or deleted it, and when it was replaced. */
public record CommentRevision(String body, Instant replacedAt) {}
