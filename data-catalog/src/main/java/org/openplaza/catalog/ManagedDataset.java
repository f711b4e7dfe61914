package org.openplaza.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A dataset as its publishers see it in their workspace. */
public record ManagedDataset(
        long id,
        String slug,
        String title,
        String organisation,
        String state,
        @Nullable Integer currentVersion,
        @Nullable Long rows,
        Instant modifiedAt) {}
