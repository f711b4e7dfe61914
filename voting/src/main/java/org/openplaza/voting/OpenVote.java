package org.openplaza.voting;

import java.time.Instant;

/** A vote that is open now. */
public record OpenVote(long id, String question, Instant opensAt, Instant closesAt) {}
