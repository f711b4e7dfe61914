package org.openplaza.proposals;

import java.time.Instant;

/** An official's update on carrying out an accepted or adopted proposal. */
public record ImplementationUpdate(String body, boolean done, Instant postedAt, String author) {}
