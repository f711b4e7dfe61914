package org.openplaza.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the audit log as administrators see it. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String eventType,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String detail,
        @Nullable String remoteAddress) {}
