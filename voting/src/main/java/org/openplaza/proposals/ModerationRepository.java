package org.openplaza.proposals;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.voting.Tables.CONTENT_REPORT;
import static org.openplaza.db.voting.Tables.MODERATION_ACTION;
import static org.openplaza.db.voting.Tables.PROPOSAL;
import static org.openplaza.db.voting.Tables.PROPOSAL_COMMENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.openplaza.db.accounts.tables.AppUser;
import org.springframework.stereotype.Repository;

/** Reports on proposals and comments and the public record of what moderation did. */
@Repository
class ModerationRepository {

    private final DSLContext db;

    ModerationRepository(DSLContext db) {
        this.db = db;
    }

    boolean hasOpenReport(ContentReport.Target target, long targetId, long reporterId) {
        return db.fetchExists(
                CONTENT_REPORT,
                CONTENT_REPORT
                        .TARGET_TYPE
                        .eq(target.name())
                        .and(CONTENT_REPORT.TARGET_ID.eq(targetId))
                        .and(CONTENT_REPORT.REPORTER_ID.eq(reporterId))
                        .and(CONTENT_REPORT.RESOLVED_AT.isNull()));
    }

    long report(ContentReport.Target target, long targetId, long reporterId, String reason, Instant now) {
        return db.insertInto(CONTENT_REPORT)
                .set(CONTENT_REPORT.TARGET_TYPE, target.name())
                .set(CONTENT_REPORT.TARGET_ID, targetId)
                .set(CONTENT_REPORT.REPORTER_ID, reporterId)
                .set(CONTENT_REPORT.REASON, reason)
                .set(CONTENT_REPORT.CREATED_AT, ProposalRepository.utc(now))
                .returning(CONTENT_REPORT.ID)
                .fetchSingle(CONTENT_REPORT.ID);
    }

    /** How many of this author's proposals and comments moderation has hidden. */
    int hiddenOf(long authorId) {
        return db.fetchCount(PROPOSAL, PROPOSAL.AUTHOR_ID.eq(authorId).and(PROPOSAL.HIDDEN.isTrue()))
                + db.fetchCount(
                        PROPOSAL_COMMENT,
                        PROPOSAL_COMMENT.AUTHOR_ID.eq(authorId).and(PROPOSAL_COMMENT.HIDDEN.isTrue()));
    }

    List<ContentReport> open(int limit) {
        List<ContentReport> found = new ArrayList<>(openOnProposals(limit));
        found.addAll(openOnComments(limit));
        found.sort(java.util.Comparator.comparing(ContentReport::reportedAt).thenComparing(ContentReport::id));
        return found;
    }

    /** Open reports of proposals, with the proposal's title. */
    private List<ContentReport> openOnProposals(int limit) {
        AppUser reporter = APP_USER.as("reporter");
        AppUser author = APP_USER.as("author");
        return db.select(
                        CONTENT_REPORT.ID,
                        PROPOSAL.ID,
                        PROPOSAL.TITLE,
                        author.DISPLAY_NAME,
                        author.USERNAME,
                        author.ID,
                        reporter.DISPLAY_NAME,
                        CONTENT_REPORT.REASON,
                        CONTENT_REPORT.CREATED_AT)
                .from(CONTENT_REPORT)
                .join(PROPOSAL)
                .on(PROPOSAL.ID.eq(CONTENT_REPORT.TARGET_ID))
                .join(author)
                .on(author.ID.eq(PROPOSAL.AUTHOR_ID))
                .join(reporter)
                .on(reporter.ID.eq(CONTENT_REPORT.REPORTER_ID))
                .where(CONTENT_REPORT.RESOLVED_AT.isNull())
                .and(CONTENT_REPORT.TARGET_TYPE.eq(ContentReport.Target.PROPOSAL.name()))
                .limit(limit)
                .fetch(Records.mapping(
                        (id, proposal, title, authorName, authorUsername, authorId, reporterName, reason, at) ->
                                new ContentReport(
                                        id,
                                        ContentReport.Target.PROPOSAL,
                                        proposal,
                                        proposal,
                                        title,
                                        authorName,
                                        authorUsername,
                                        hiddenOf(authorId),
                                        reporterName,
                                        reason,
                                        at.toInstant())));
    }

    /** Open reports of comments, with the start of the comment and the proposal it is under. */
    private List<ContentReport> openOnComments(int limit) {
        AppUser reporter = APP_USER.as("reporter");
        AppUser author = APP_USER.as("author");
        return db.select(
                        CONTENT_REPORT.ID,
                        PROPOSAL_COMMENT.ID,
                        PROPOSAL_COMMENT.PROPOSAL_ID,
                        PROPOSAL_COMMENT.BODY,
                        author.DISPLAY_NAME,
                        author.USERNAME,
                        author.ID,
                        reporter.DISPLAY_NAME,
                        CONTENT_REPORT.REASON,
                        CONTENT_REPORT.CREATED_AT)
                .from(CONTENT_REPORT)
                .join(PROPOSAL_COMMENT)
                .on(PROPOSAL_COMMENT.ID.eq(CONTENT_REPORT.TARGET_ID))
                .join(author)
                .on(author.ID.eq(PROPOSAL_COMMENT.AUTHOR_ID))
                .join(reporter)
                .on(reporter.ID.eq(CONTENT_REPORT.REPORTER_ID))
                .where(CONTENT_REPORT.RESOLVED_AT.isNull())
                .and(CONTENT_REPORT.TARGET_TYPE.eq(ContentReport.Target.COMMENT.name()))
                .limit(limit)
                .fetch(Records.mapping(
                        (id, comment, proposal, body, authorName, authorUsername, authorId, reporterName, reason, at) ->
                                new ContentReport(
                                        id,
                                        ContentReport.Target.COMMENT,
                                        comment,
                                        proposal,
                                        body.length() > 300 ? body.substring(0, 300) + "…" : body,
                                        authorName,
                                        authorUsername,
                                        hiddenOf(authorId),
                                        reporterName,
                                        reason,
                                        at.toInstant())));
    }

    Optional<org.jooq.Record2<String, Long>> openReport(long reportId) {
        return db.select(CONTENT_REPORT.TARGET_TYPE, CONTENT_REPORT.TARGET_ID)
                .from(CONTENT_REPORT)
                .where(CONTENT_REPORT.ID.eq(reportId))
                .and(CONTENT_REPORT.RESOLVED_AT.isNull())
                .fetchOptional();
    }

    void resolve(long reportId, String resolution, Instant now) {
        db.update(CONTENT_REPORT)
                .set(CONTENT_REPORT.RESOLVED_AT, ProposalRepository.utc(now))
                .set(CONTENT_REPORT.RESOLUTION, resolution)
                .where(CONTENT_REPORT.ID.eq(reportId))
                .execute();
    }

    void resolveAll(ContentReport.Target target, long targetId, String resolution, Instant now) {
        db.update(CONTENT_REPORT)
                .set(CONTENT_REPORT.RESOLVED_AT, ProposalRepository.utc(now))
                .set(CONTENT_REPORT.RESOLUTION, resolution)
                .where(CONTENT_REPORT.TARGET_TYPE.eq(target.name()))
                .and(CONTENT_REPORT.TARGET_ID.eq(targetId))
                .and(CONTENT_REPORT.RESOLVED_AT.isNull())
                .execute();
    }

    void record(ContentReport.Target target, long targetId, String action, String reason, long authorId, Instant now) {
        db.insertInto(MODERATION_ACTION)
                .set(MODERATION_ACTION.TARGET_TYPE, target.name())
                .set(MODERATION_ACTION.TARGET_ID, targetId)
                .set(MODERATION_ACTION.ACTION, action)
                .set(MODERATION_ACTION.REASON, reason)
                .set(MODERATION_ACTION.AUTHOR_ID, authorId)
                .set(MODERATION_ACTION.ACTED_AT, ProposalRepository.utc(now))
                .execute();
    }

    /** The public log, newest first; a comment's line names its proposal. */
    List<ModerationRecord> log(int limit) {
        return db.select(
                        MODERATION_ACTION.TARGET_TYPE,
                        MODERATION_ACTION.TARGET_ID,
                        DSL.coalesce(PROPOSAL_COMMENT.PROPOSAL_ID, MODERATION_ACTION.TARGET_ID),
                        MODERATION_ACTION.ACTION,
                        MODERATION_ACTION.REASON,
                        MODERATION_ACTION.ACTED_AT)
                .from(MODERATION_ACTION)
                .leftJoin(PROPOSAL_COMMENT)
                .on(MODERATION_ACTION.TARGET_TYPE.eq(ContentReport.Target.COMMENT.name()))
                .and(PROPOSAL_COMMENT.ID.eq(MODERATION_ACTION.TARGET_ID))
                .orderBy(MODERATION_ACTION.ACTED_AT.desc(), MODERATION_ACTION.ID.desc())
                .limit(limit)
                .fetch(Records.mapping((target, targetId, proposal, action, reason, at) -> new ModerationRecord(
                        ContentReport.Target.valueOf(target), targetId, proposal, action, reason, at.toInstant())));
    }
}
