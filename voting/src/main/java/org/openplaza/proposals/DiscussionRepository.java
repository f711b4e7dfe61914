package org.openplaza.proposals;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.voting.Tables.COMMENT_REVISION;
import static org.openplaza.db.voting.Tables.COMMENT_VOTE;
import static org.openplaza.db.voting.Tables.PROPOSAL;
import static org.openplaza.db.voting.Tables.PROPOSAL_COMMENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Comments, their threads and their votes. */
@Repository
class DiscussionRepository {

    private final DSLContext db;

    DiscussionRepository(DSLContext db) {
        this.db = db;
    }

    long insert(long proposalId, @Nullable Long parentId, long authorId, String body, Instant now) {
        long id = db.insertInto(PROPOSAL_COMMENT)
                .set(PROPOSAL_COMMENT.PROPOSAL_ID, proposalId)
                .set(PROPOSAL_COMMENT.PARENT_ID, parentId)
                .set(PROPOSAL_COMMENT.AUTHOR_ID, authorId)
                .set(PROPOSAL_COMMENT.BODY, body)
                .set(PROPOSAL_COMMENT.CREATED_AT, ProposalRepository.utc(now))
                .returning(PROPOSAL_COMMENT.ID)
                .fetchSingle(PROPOSAL_COMMENT.ID);
        recount(proposalId);
        return id;
    }

    /** Visible comments (neither hidden nor deleted), kept on the proposal for the "most discussed" order. */
    void recount(long proposalId) {
        db.update(PROPOSAL)
                .set(
                        PROPOSAL.COMMENT_COUNT,
                        DSL.selectCount()
                                .from(PROPOSAL_COMMENT)
                                .where(PROPOSAL_COMMENT.PROPOSAL_ID.eq(proposalId))
                                .and(PROPOSAL_COMMENT.HIDDEN.isFalse())
                                .and(PROPOSAL_COMMENT.DELETED_AT.isNull())
                                .asField())
                .where(PROPOSAL.ID.eq(proposalId))
                .execute();
    }

    int writtenSince(long authorId, Instant since) {
        return db.fetchCount(
                PROPOSAL_COMMENT,
                PROPOSAL_COMMENT
                        .AUTHOR_ID
                        .eq(authorId)
                        .and(PROPOSAL_COMMENT.CREATED_AT.ge(ProposalRepository.utc(since))));
    }

    /** The comment's proposal and author. */
    Optional<long[]> owner(long commentId) {
        return db.select(PROPOSAL_COMMENT.PROPOSAL_ID, PROPOSAL_COMMENT.AUTHOR_ID)
                .from(PROPOSAL_COMMENT)
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .fetchOptional(Records.mapping((proposal, author) -> new long[] {proposal, author}));
    }

    /** A comment as its author's change of it needs it. */
    record Standing(long proposalId, long authorId, String body, boolean hidden, boolean deleted) {}

    /** The comment's proposal, author, current text, whether hidden and whether deleted; locked. */
    Optional<Standing> current(long commentId) {
        return db.select(
                        PROPOSAL_COMMENT.PROPOSAL_ID,
                        PROPOSAL_COMMENT.AUTHOR_ID,
                        PROPOSAL_COMMENT.BODY,
                        PROPOSAL_COMMENT.HIDDEN,
                        PROPOSAL_COMMENT.DELETED_AT)
                .from(PROPOSAL_COMMENT)
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .forUpdate()
                .fetchOptional(Records.mapping((proposal, author, body, hidden, deletedAt) ->
                        new Standing(proposal, author, body, hidden, deletedAt != null)));
    }

    /** Keeps the text a comment had until now, then gives it the new one (empty when deleted). */
    void replace(long commentId, String oldBody, String newBody, boolean delete, Instant now) {
        db.insertInto(COMMENT_REVISION)
                .set(COMMENT_REVISION.COMMENT_ID, commentId)
                .set(COMMENT_REVISION.BODY, oldBody)
                .set(COMMENT_REVISION.REPLACED_AT, ProposalRepository.utc(now))
                .execute();
        var update = db.update(PROPOSAL_COMMENT).set(PROPOSAL_COMMENT.BODY, newBody);
        (delete
                        ? update.set(PROPOSAL_COMMENT.DELETED_AT, ProposalRepository.utc(now))
                        : update.set(PROPOSAL_COMMENT.EDITED_AT, ProposalRepository.utc(now)))
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .execute();
    }

    /** The texts a comment had before, oldest first, each with when it was replaced. */
    List<CommentRevision> revisions(long commentId) {
        return db.select(COMMENT_REVISION.BODY, COMMENT_REVISION.REPLACED_AT)
                .from(COMMENT_REVISION)
                .where(COMMENT_REVISION.COMMENT_ID.eq(commentId))
                .orderBy(COMMENT_REVISION.ID)
                .fetch(Records.mapping((body, replacedAt) -> new CommentRevision(body, replacedAt.toInstant())));
    }

    /** The whole thread in reading order: each comment followed by its replies, best first. */
    List<Comment> thread(long proposalId, boolean withHiddenText) {
        List<Record> rows = new ArrayList<>(db.select(
                        PROPOSAL_COMMENT.ID,
                        PROPOSAL_COMMENT.PARENT_ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.USERNAME,
                        PROPOSAL_COMMENT.BODY,
                        PROPOSAL_COMMENT.CREATED_AT,
                        PROPOSAL_COMMENT.SCORE,
                        PROPOSAL_COMMENT.HIDDEN,
                        PROPOSAL_COMMENT.HIDDEN_REASON,
                        PROPOSAL_COMMENT.EDITED_AT,
                        PROPOSAL_COMMENT.DELETED_AT)
                .from(PROPOSAL_COMMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(PROPOSAL_COMMENT.AUTHOR_ID))
                .where(PROPOSAL_COMMENT.PROPOSAL_ID.eq(proposalId))
                .orderBy(PROPOSAL_COMMENT.SCORE.desc(), PROPOSAL_COMMENT.CREATED_AT, PROPOSAL_COMMENT.ID)
                .fetch());
        Map<Long, List<Record>> children = new HashMap<>();
        for (Record r : rows) {
            Long parent = r.get(PROPOSAL_COMMENT.PARENT_ID);
            children.computeIfAbsent(parent == null ? 0L : parent, k -> new ArrayList<>())
                    .add(r);
        }
        List<Comment> ordered = new ArrayList<>();
        walk(children, 0L, 0, withHiddenText, ordered);
        return ordered;
    }

    private static void walk(
            Map<Long, List<Record>> children, long parent, int depth, boolean withHiddenText, List<Comment> into) {
        for (Record r : children.getOrDefault(parent, List.of())) {
            boolean hidden = r.get(PROPOSAL_COMMENT.HIDDEN);
            boolean deleted = r.get(PROPOSAL_COMMENT.DELETED_AT) != null;
            var edited = r.get(PROPOSAL_COMMENT.EDITED_AT);
            into.add(new Comment(
                    r.get(PROPOSAL_COMMENT.ID),
                    r.get(PROPOSAL_COMMENT.PARENT_ID),
                    r.get(APP_USER.DISPLAY_NAME),
                    r.get(APP_USER.USERNAME),
                    deleted || (hidden && !withHiddenText) ? null : r.get(PROPOSAL_COMMENT.BODY),
                    r.get(PROPOSAL_COMMENT.CREATED_AT).toInstant(),
                    r.get(PROPOSAL_COMMENT.SCORE),
                    hidden,
                    r.get(PROPOSAL_COMMENT.HIDDEN_REASON),
                    depth,
                    edited == null ? null : edited.toInstant(),
                    deleted));
            walk(children, r.get(PROPOSAL_COMMENT.ID), Math.min(depth + 1, 6), withHiddenText, into);
        }
    }

    /** Sets (or with 0 removes) the user's vote and returns the comment's new score. */
    int vote(long commentId, long userId, int value) {
        db.deleteFrom(COMMENT_VOTE)
                .where(COMMENT_VOTE.COMMENT_ID.eq(commentId))
                .and(COMMENT_VOTE.USER_ID.eq(userId))
                .execute();
        if (value != 0) {
            db.insertInto(COMMENT_VOTE)
                    .set(COMMENT_VOTE.COMMENT_ID, commentId)
                    .set(COMMENT_VOTE.USER_ID, userId)
                    .set(COMMENT_VOTE.VOTE_VALUE, (short) value)
                    .execute();
        }
        db.update(PROPOSAL_COMMENT)
                .set(
                        PROPOSAL_COMMENT.SCORE,
                        DSL.select(DSL.coalesce(DSL.sum(COMMENT_VOTE.VOTE_VALUE), java.math.BigDecimal.ZERO)
                                        .cast(Integer.class))
                                .from(COMMENT_VOTE)
                                .where(COMMENT_VOTE.COMMENT_ID.eq(commentId))
                                .asField())
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .execute();
        return db.select(PROPOSAL_COMMENT.SCORE)
                .from(PROPOSAL_COMMENT)
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .fetchSingle(PROPOSAL_COMMENT.SCORE);
    }

    /** The user's votes on a proposal's comments: comment id to +1 or -1. */
    Map<Long, Integer> votesOf(long proposalId, long userId) {
        Map<Long, Integer> votes = new HashMap<>();
        db.select(COMMENT_VOTE.COMMENT_ID, COMMENT_VOTE.VOTE_VALUE)
                .from(COMMENT_VOTE)
                .join(PROPOSAL_COMMENT)
                .on(PROPOSAL_COMMENT.ID.eq(COMMENT_VOTE.COMMENT_ID))
                .where(PROPOSAL_COMMENT.PROPOSAL_ID.eq(proposalId))
                .and(COMMENT_VOTE.USER_ID.eq(userId))
                .fetch()
                .forEach(r -> votes.put(r.value1(), r.value2().intValue()));
        return votes;
    }

    void hide(long commentId, @Nullable String reason) {
        db.update(PROPOSAL_COMMENT)
                .set(PROPOSAL_COMMENT.HIDDEN, reason != null)
                .set(PROPOSAL_COMMENT.HIDDEN_REASON, reason)
                .where(PROPOSAL_COMMENT.ID.eq(commentId))
                .execute();
    }
}
