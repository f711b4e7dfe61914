package org.openplaza.catalog;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Another portal's catalogue this portal mirrors: a CKAN Action API or a DCAT-AP document, read
 * every so often on behalf of the administrator who added it, its datasets published under one
 * organisation here, with their CSV files imported into the store when {@link #importCsv()}.
 */
public record HarvestSource(
        long id,
        String title,
        String url,
        Kind kind,
        long organisationId,
        String organisation,
        boolean importCsv,
        Duration every,
        String owner,
        Instant nextDueAt,
        @Nullable Instant runningSince,
        @Nullable HarvestRun lastRun) {

    /** What the address gives. */
    public enum Kind {
        /** A CKAN portal's Action API, read with package_search. */
        CKAN,
        /** A DCAT-AP catalogue: Turtle, RDF/XML or JSON-LD. */
        DCAT
    }
}
