package org.openplaza.proposals;

import java.time.Instant;

/** A qualified proposal waiting for an official answer, and since when. */
public record QueuedProposal(long id, String title, Category category, int supports, Instant qualifiedAt) {}
