package org.openplaza.catalog;

import java.time.Instant;

/** A published dataset as a catalogue listing shows it. */
public record DatasetSummary(long id, String slug, String title, String organisation, Instant modifiedAt) {}
