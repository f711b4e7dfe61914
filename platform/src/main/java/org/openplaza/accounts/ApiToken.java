package org.openplaza.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token as its owner sees it: never the secret itself, only its first characters. */
public record ApiToken(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        boolean revoked) {

    /** A token just created: the only time its secret is shown. */
    public record Created(ApiToken token, String secret) {}

    /** Who a valid token signs in as. */
    public record Bearer(String username, java.util.Set<Role> roles) {}
}
