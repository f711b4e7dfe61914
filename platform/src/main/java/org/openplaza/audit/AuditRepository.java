package org.openplaza.audit;

import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private static final int DETAIL_LIMIT = 2000;

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Audited event, Instant at) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENT.ACTOR, truncate(event.actor(), 64))
                .set(AUDIT_EVENT.EVENT_TYPE, truncate(event.eventType(), 64))
                .set(AUDIT_EVENT.OBJECT_TYPE, truncate(event.objectType(), 64))
                .set(AUDIT_EVENT.OBJECT_ID, truncate(event.objectId(), 128))
                .set(AUDIT_EVENT.DETAIL, truncate(event.detail(), DETAIL_LIMIT))
                .set(AUDIT_EVENT.REMOTE_ADDRESS, truncate(event.remoteAddress(), 64))
                .execute();
    }

    List<AuditEvent> search(String text, int offset, int limit) {
        return events(matching(text), offset, limit);
    }

    List<AuditEvent> ofObject(String objectType, String objectId, int offset, int limit) {
        return events(AUDIT_EVENT.OBJECT_TYPE.eq(objectType).and(AUDIT_EVENT.OBJECT_ID.eq(objectId)), offset, limit);
    }

    /** Newest first. */
    private List<AuditEvent> events(Condition where, int offset, int limit) {
        return db.select(
                        AUDIT_EVENT.ID,
                        AUDIT_EVENT.OCCURRED_AT.convertFrom(t -> t.toInstant()),
                        AUDIT_EVENT.ACTOR,
                        AUDIT_EVENT.EVENT_TYPE,
                        AUDIT_EVENT.OBJECT_TYPE,
                        AUDIT_EVENT.OBJECT_ID,
                        AUDIT_EVENT.DETAIL,
                        AUDIT_EVENT.REMOTE_ADDRESS)
                .from(AUDIT_EVENT)
                .where(where)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(AuditEvent::new));
    }

    boolean exists(String eventType) {
        return db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.EVENT_TYPE.eq(eventType));
    }

    int count(String text) {
        return db.fetchCount(AUDIT_EVENT, matching(text));
    }

    private static Condition matching(String text) {
        String needle = text.strip();
        if (needle.isEmpty()) {
            return DSL.noCondition();
        }
        return AUDIT_EVENT
                .ACTOR
                .containsIgnoreCase(needle)
                .or(AUDIT_EVENT.EVENT_TYPE.containsIgnoreCase(needle))
                .or(AUDIT_EVENT.OBJECT_TYPE.containsIgnoreCase(needle))
                .or(AUDIT_EVENT.OBJECT_ID.containsIgnoreCase(needle))
                .or(AUDIT_EVENT.DETAIL.containsIgnoreCase(needle));
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
