package org.openplaza.proposals;

import static org.openplaza.db.voting.Tables.NOTIFICATION;
import static org.openplaza.db.voting.Tables.PROPOSAL;
import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** In-app notifications: one row per user and event. */
@Repository
class NotificationRepository {

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    void add(Collection<Long> users, long proposalId, Notification.Kind kind, @Nullable String detail, Instant now) {
        for (Long user : users) {
            db.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.USER_ID, user)
                    .set(NOTIFICATION.PROPOSAL_ID, proposalId)
                    .set(NOTIFICATION.KIND, kind.name())
                    .set(NOTIFICATION.DETAIL, detail)
                    .set(NOTIFICATION.CREATED_AT, ProposalRepository.utc(now))
                    .execute();
        }
    }

    private static String firstLine(@Nullable String text) {
        String t = text == null ? "" : text;
        int end = t.indexOf('\n');
        return end < 0 ? t : t.substring(0, end);
    }

    private static @Nullable String afterFirstLine(@Nullable String text) {
        int end = text == null ? -1 : text.indexOf('\n');
        return end < 0 ? null : text.substring(end + 1);
    }

    /** Tells a user about a dataset they publish: the detail is its title, a line, then what happened. */
    void addAboutDataset(long userId, long datasetId, Notification.Kind kind, String detail, Instant now) {
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.USER_ID, userId)
                .set(NOTIFICATION.DATASET_ID, datasetId)
                .set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.DETAIL, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
                .set(NOTIFICATION.CREATED_AT, ProposalRepository.utc(now))
                .execute();
    }

    List<Notification> of(long userId, int limit) {
        return db.select(
                        NOTIFICATION.ID,
                        NOTIFICATION.PROPOSAL_ID,
                        NOTIFICATION.VOTE_ID,
                        NOTIFICATION.DATASET_ID,
                        DSL.coalesce(PROPOSAL.TITLE, VOTE.QUESTION),
                        NOTIFICATION.KIND,
                        NOTIFICATION.DETAIL,
                        NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(PROPOSAL)
                .on(PROPOSAL.ID.eq(NOTIFICATION.PROPOSAL_ID))
                .leftJoin(VOTE)
                .on(VOTE.ID.eq(NOTIFICATION.VOTE_ID))
                .where(NOTIFICATION.USER_ID.eq(userId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(Records.mapping(
                        (id, proposal, vote, dataset, subject, kind, detail, at, readAt) -> new Notification(
                                id,
                                proposal != null
                                        ? Notification.Subject.PROPOSAL
                                        : vote != null ? Notification.Subject.VOTE : Notification.Subject.DATASET,
                                proposal != null ? proposal : vote != null ? vote : dataset,
                                // about a dataset, the title is the detail's first line: the
                                // catalogue's tables are not read here
                                dataset != null ? firstLine(detail) : subject,
                                Notification.Kind.valueOf(kind),
                                dataset != null ? afterFirstLine(detail) : detail,
                                at.toInstant(),
                                readAt != null)));
    }

    int unread(long userId) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()));
    }

    void markRead(long userId, Instant now) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, ProposalRepository.utc(now))
                .where(NOTIFICATION.USER_ID.eq(userId))
                .and(NOTIFICATION.READ_AT.isNull())
                .execute();
    }
}
