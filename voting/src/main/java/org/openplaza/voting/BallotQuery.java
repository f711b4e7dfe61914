package org.openplaza.voting;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;
import static org.openplaza.db.voting.Tables.VOTE;
import static org.openplaza.db.voting.Tables.VOTE_OPTION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** Votes, the participation register and the ballot box; the last two are never joined. */
@Repository
class BallotQuery {

    private final DSLContext db;

    BallotQuery(DSLContext db) {
        this.db = db;
    }

    long userId(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new AccessDeniedException("no account"));
    }

    boolean verified(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.VERIFIED_RESIDENT.isTrue()));
    }

    long insertVote(VoteSpec spec, Instant now) {
        long id = db.insertInto(VOTE)
                .set(VOTE.QUESTION, spec.question())
                .set(VOTE.PROPOSAL_ID, spec.proposalId())
                .set(VOTE.METHOD, spec.method().name())
                .set(VOTE.MAX_CHOICES, spec.maxChoices())
                .set(VOTE.BUDGET, spec.budget())
                .set(VOTE.ALLOW_CHANGE, spec.allowChange())
                .set(VOTE.OPENS_AT, spec.opensAt().atOffset(ZoneOffset.UTC))
                .set(VOTE.CLOSES_AT, spec.closesAt().atOffset(ZoneOffset.UTC))
                .set(VOTE.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(VOTE.ID)
                .fetchSingle(VOTE.ID);
        for (int i = 0; i < spec.options().size(); i++) {
            db.insertInto(VOTE_OPTION)
                    .set(VOTE_OPTION.VOTE_ID, id)
                    .set(VOTE_OPTION.POSITION, i + 1)
                    .set(VOTE_OPTION.LABEL, spec.options().get(i).label())
                    .set(VOTE_OPTION.COST, spec.options().get(i).cost())
                    .execute();
        }
        return id;
    }

    /** The vote's row, locked until the transaction ends: ballots of one vote are cast one by one. */
    Optional<Record> lockVote(long voteId) {
        return db.selectFrom(VOTE)
                .where(VOTE.ID.eq(voteId))
                .forUpdate()
                .fetchOptional()
                .map(r -> r);
    }

    Optional<Record> vote(long voteId) {
        return db.selectFrom(VOTE).where(VOTE.ID.eq(voteId)).fetchOptional().map(r -> r);
    }

    int options(long voteId) {
        return db.fetchCount(VOTE_OPTION, VOTE_OPTION.VOTE_ID.eq(voteId));
    }

    List<Long> costs(long voteId) {
        return db.select(VOTE_OPTION.COST)
                .from(VOTE_OPTION)
                .where(VOTE_OPTION.VOTE_ID.eq(voteId))
                .orderBy(VOTE_OPTION.POSITION)
                .fetch(VOTE_OPTION.COST);
    }

    /** Records that the citizen voted; false when they had already. */
    boolean participate(String key, long voteId, long userId, LocalDate day) {
        return db.insertInto(PARTICIPATION)
                        .set(PARTICIPATION.PARTICIPATION_KEY, key)
                        .set(PARTICIPATION.VOTE_ID, voteId)
                        .set(PARTICIPATION.USER_ID, userId)
                        .set(PARTICIPATION.VOTED_ON, day)
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    boolean participated(long voteId, long userId) {
        return db.fetchExists(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(voteId).and(PARTICIPATION.USER_ID.eq(userId)));
    }

    int turnout(long voteId) {
        return db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(voteId));
    }

    void append(
            long voteId,
            int position,
            String receipt,
            String choices,
            LocalDate day,
            @Nullable String replaces,
            @Nullable String replaceCheck,
            String previousHash,
            String hash) {
        db.insertInto(BALLOT)
                .set(BALLOT.VOTE_ID, voteId)
                .set(BALLOT.POSITION, position)
                .set(BALLOT.RECEIPT, receipt)
                .set(BALLOT.CHOICES, choices)
                .set(BALLOT.CAST_ON, day)
                .set(BALLOT.REPLACES, replaces)
                .set(BALLOT.REPLACE_CHECK, replaceCheck)
                .set(BALLOT.PREVIOUS_HASH, previousHash)
                .set(BALLOT.HASH, hash)
                .execute();
        db.update(VOTE)
                .set(VOTE.HEAD_HASH, hash)
                .set(VOTE.BALLOT_COUNT, position)
                .where(VOTE.ID.eq(voteId))
                .execute();
    }

    /** The receipt of the ballot whose change secret hashes to this, if it still counts. */
    Optional<String> countedByCheck(long voteId, String replaceCheck) {
        var replaced = BALLOT.as("replaced");
        return db.select(BALLOT.RECEIPT)
                .from(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .and(BALLOT.REPLACE_CHECK.eq(replaceCheck))
                .andNotExists(db.selectOne()
                        .from(replaced)
                        .where(replaced.VOTE_ID.eq(voteId))
                        .and(replaced.REPLACES.eq(BALLOT.RECEIPT)))
                .fetchOptional(BALLOT.RECEIPT);
    }

    List<String> optionLabels(long voteId) {
        return db.select(VOTE_OPTION.LABEL)
                .from(VOTE_OPTION)
                .where(VOTE_OPTION.VOTE_ID.eq(voteId))
                .orderBy(VOTE_OPTION.POSITION)
                .fetch(VOTE_OPTION.LABEL);
    }

    /** The choices of the ballots that count: not replaced by a later ballot of their voter. */
    List<String> countedChoices(long voteId) {
        var replacing = BALLOT.as("replacing");
        return db.select(BALLOT.CHOICES)
                .from(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .andNotExists(db.selectOne()
                        .from(replacing)
                        .where(replacing.VOTE_ID.eq(voteId))
                        .and(replacing.REPLACES.eq(BALLOT.RECEIPT)))
                .orderBy(BALLOT.RECEIPT)
                .fetch(BALLOT.CHOICES);
    }

    /** Every ballot record in chain order. */
    List<org.openplaza.db.voting.tables.records.BallotRecord> chain(long voteId) {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .orderBy(BALLOT.POSITION)
                .fetch();
    }
}
