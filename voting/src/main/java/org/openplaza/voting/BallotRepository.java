package org.openplaza.voting;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.USER_ROLE;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.CHECKPOINT;
import static org.openplaza.db.voting.Tables.COUNTED_BALLOT;
import static org.openplaza.db.voting.Tables.NOTIFICATION;
import static org.openplaza.db.voting.Tables.PARTICIPATION;
import static org.openplaza.db.voting.Tables.PROPOSAL;
import static org.openplaza.db.voting.Tables.VOTE;
import static org.openplaza.db.voting.Tables.VOTE_DISTRICT;
import static org.openplaza.db.voting.Tables.VOTE_OPTION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.db.voting.tables.records.BallotRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** Votes, the participation register and the ballot box; the last two are never joined. */
@Repository
class BallotRepository {

    private final DSLContext db;
    private final org.openplaza.platform.Organisations organisations;

    BallotRepository(DSLContext db, org.openplaza.platform.Organisations organisations) {
        this.db = db;
        this.organisations = organisations;
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

    /** What eligibility rules look at: verified, district, date of birth. */
    record Voter(
            long id,
            boolean verified,
            @Nullable String district,
            @Nullable LocalDate birthDate) {}

    Optional<Voter> voter(String username) {
        return db.select(APP_USER.ID, APP_USER.VERIFIED_RESIDENT, APP_USER.DISTRICT, APP_USER.BIRTH_DATE)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(org.jooq.Records.mapping(Voter::new));
    }

    /** How many citizens the vote's rules admit, as of its closing day. */
    int electorate(long voteId) {
        Record vote = vote(voteId).orElseThrow();
        Set<String> districts = districts(voteId);
        Integer minAge = vote.get(VOTE.MIN_AGE);
        LocalDate closing = vote.get(VOTE.CLOSES_AT).toLocalDate();
        Condition eligible = APP_USER.VERIFIED_RESIDENT
                .isTrue()
                .and(APP_USER.ENABLED.isTrue())
                .andExists(db.selectOne()
                        .from(USER_ROLE)
                        .where(USER_ROLE.USER_ID.eq(APP_USER.ID))
                        .and(USER_ROLE.ROLE_NAME.eq("CITIZEN")));
        if (!districts.isEmpty()) {
            eligible = eligible.and(APP_USER.DISTRICT.in(districts));
        }
        if (minAge != null) {
            eligible = eligible.and(APP_USER.BIRTH_DATE.le(closing.minusYears(minAge)));
        }
        return db.fetchCount(APP_USER, eligible);
    }

    Set<String> districts(long voteId) {
        return new java.util.TreeSet<>(db.select(VOTE_DISTRICT.DISTRICT)
                .from(VOTE_DISTRICT)
                .where(VOTE_DISTRICT.VOTE_ID.eq(voteId))
                .fetch(VOTE_DISTRICT.DISTRICT));
    }

    /** The proposal's status, if it exists. */
    Optional<String> proposalStatus(long proposalId) {
        return db.select(PROPOSAL.STATUS)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(proposalId))
                .fetchOptional(PROPOSAL.STATUS);
    }

    /** Whether the user is a member of the organisation whose proposal this is; true for a proposal of no organisation. */
    boolean mayActFor(String username, long proposalId) {
        Long organisation = db.select(PROPOSAL.ORGANISATION_ID)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(proposalId))
                .fetchOptional(PROPOSAL.ORGANISATION_ID)
                .orElse(null);
        if (organisation == null) {
            return true;
        }
        return organisations.isMember(userId(username), organisation);
    }

    /** Whether the proposal has a vote that is not cancelled and not yet finalised. */
    boolean proposalHasVote(long proposalId) {
        return db.fetchExists(
                VOTE,
                VOTE.PROPOSAL_ID.eq(proposalId).and(VOTE.CANCELLED.isFalse()).and(VOTE.FINALISED_AT.isNull()));
    }

    long insertVote(VoteSpec spec, Instant now, String openedBy) {
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
                .set(VOTE.MIN_AGE, spec.eligibility().minAge())
                .set(VOTE.QUORUM_PERCENT, spec.rules().quorumPercent())
                .set(VOTE.THRESHOLD_PERCENT, spec.rules().thresholdPercent())
                .set(VOTE.OPENED_BY, openedBy)
                .returning(VOTE.ID)
                .fetchSingle(VOTE.ID);
        for (String district : spec.eligibility().districts()) {
            db.insertInto(VOTE_DISTRICT)
                    .set(VOTE_DISTRICT.VOTE_ID, id)
                    .set(VOTE_DISTRICT.DISTRICT, district)
                    .execute();
        }
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

    /**
     * Records that the citizen voted; false when they had already, as the unique key says. On
     * PostgreSQL an {@code ON CONFLICT DO NOTHING}, so that no failed statement aborts the caller's
     * transaction; on H2 a plain insert whose duplicate key is caught, since H2 emulates ON CONFLICT
     * with a MERGE that slows as the table grows (and goes on after a failed statement).
     */
    boolean participate(String key, long voteId, long userId, LocalDate day) {
        var insert = db.insertInto(PARTICIPATION)
                .set(PARTICIPATION.PARTICIPATION_KEY, key)
                .set(PARTICIPATION.VOTE_ID, voteId)
                .set(PARTICIPATION.USER_ID, userId)
                .set(PARTICIPATION.VOTED_ON, day);
        if (db.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            return insert.onConflictDoNothing().execute() > 0;
        }
        try {
            return insert.execute() > 0;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
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

    /** Every ballot record of the vote in chain order, streamed from one query. */
    org.jooq.Cursor<BallotRecord> chainCursor(long voteId, int fetchSize) {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .orderBy(BALLOT.POSITION)
                .fetchSize(fetchSize)
                .fetchLazy();
    }

    Optional<BallotRecord> ballot(long voteId, String receipt) {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .and(BALLOT.RECEIPT.eq(receipt))
                .fetchOptional();
    }

    List<VoteSpec.Option> optionList(long voteId) {
        return db.select(VOTE_OPTION.LABEL, VOTE_OPTION.COST)
                .from(VOTE_OPTION)
                .where(VOTE_OPTION.VOTE_ID.eq(voteId))
                .orderBy(VOTE_OPTION.POSITION)
                .fetch(org.jooq.Records.mapping(VoteSpec.Option::new));
    }

    List<Long> voteIds(Condition condition, int limit) {
        return db.select(VOTE.ID)
                .from(VOTE)
                .where(condition)
                .orderBy(VOTE.CLOSES_AT.desc(), VOTE.ID.desc())
                .limit(limit)
                .fetch(VOTE.ID);
    }

    List<Long> forProposal(long proposalId) {
        return db.select(VOTE.ID)
                .from(VOTE)
                .where(VOTE.PROPOSAL_ID.eq(proposalId))
                .orderBy(VOTE.ID.desc())
                .fetch(VOTE.ID);
    }

    void closeEarly(long voteId, Instant now, String reason) {
        db.update(VOTE)
                .set(VOTE.CLOSES_AT, now.atOffset(ZoneOffset.UTC))
                .set(VOTE.CLOSED_EARLY_REASON, reason)
                .where(VOTE.ID.eq(voteId))
                .execute();
    }

    void cancel(long voteId, String reason) {
        db.update(VOTE)
                .set(VOTE.CANCELLED, true)
                .set(VOTE.CANCEL_REASON, reason)
                .where(VOTE.ID.eq(voteId))
                .execute();
    }

    /** Closed, not cancelled, and not yet counted or (with ballots) not yet published. */
    List<Long> dueForFinalising(Instant now) {
        return db.select(VOTE.ID)
                .from(VOTE)
                .where(VOTE.CLOSES_AT.le(now.atOffset(ZoneOffset.UTC)))
                .and(VOTE.CANCELLED.isFalse())
                .and(VOTE.HELD_AT.isNull())
                .and(VOTE.FINALISED_AT.isNull().or(VOTE.BALLOTS_DATASET.isNull().and(VOTE.BALLOT_COUNT.gt(0))))
                .orderBy(VOTE.CLOSES_AT)
                .fetch(VOTE.ID);
    }

    /** Keeps the outcome once; false when another finaliser was first. */
    boolean finalise(long voteId, boolean carried, int electorate, Instant now) {
        return db.update(VOTE)
                        .set(VOTE.OUTCOME, carried ? "CARRIED" : "NOT_CARRIED")
                        .set(VOTE.ELECTORATE, electorate)
                        .set(VOTE.FINALISED_AT, now.atOffset(ZoneOffset.UTC))
                        .where(VOTE.ID.eq(voteId))
                        .and(VOTE.FINALISED_AT.isNull())
                        .execute()
                == 1;
    }

    void setBallotsDataset(long voteId, String name) {
        db.update(VOTE)
                .set(VOTE.BALLOTS_DATASET, name)
                .where(VOTE.ID.eq(voteId))
                .execute();
    }

    /** Holds a closed, uncounted vote for investigation; false when it was held or counted already. */
    boolean hold(long voteId, String reason, Instant now) {
        return db.update(VOTE)
                        .set(VOTE.HELD_AT, now.atOffset(ZoneOffset.UTC))
                        .set(VOTE.HELD_REASON, reason)
                        .where(VOTE.ID.eq(voteId))
                        .and(VOTE.HELD_AT.isNull())
                        .and(VOTE.FINALISED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Lets a held vote be counted again; false when it was not held. */
    boolean release(long voteId) {
        return db.update(VOTE)
                        .setNull(VOTE.HELD_AT)
                        .setNull(VOTE.HELD_REASON)
                        .where(VOTE.ID.eq(voteId))
                        .and(VOTE.HELD_AT.isNotNull())
                        .execute()
                == 1;
    }

    /** Tells every administrator and the official who opened the vote that its count is held. */
    void alertHeld(long voteId, @Nullable String openedBy, String reason, Instant now) {
        Condition alerted =
                APP_USER.ID.in(db.select(USER_ROLE.USER_ID).from(USER_ROLE).where(USER_ROLE.ROLE_NAME.eq("ADMIN")));
        if (openedBy != null) {
            alerted = alerted.or(APP_USER.USERNAME.eq(openedBy));
        }
        for (Long user : db.select(APP_USER.ID).from(APP_USER).where(alerted).fetch(APP_USER.ID)) {
            db.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.USER_ID, user)
                    .set(NOTIFICATION.VOTE_ID, voteId)
                    .set(NOTIFICATION.KIND, "COUNT_HELD")
                    .set(NOTIFICATION.DETAIL, reason)
                    .set(NOTIFICATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    /** A vote's checkpoints, fewest ballots first. */
    List<Checkpoint> checkpoints(long voteId) {
        return db.selectFrom(CHECKPOINT)
                .where(CHECKPOINT.VOTE_ID.eq(voteId))
                .orderBy(CHECKPOINT.BALLOTS)
                .fetch(BallotRepository::checkpoint);
    }

    /** A vote's checkpoint of the most ballots, if any: what the public sees of a running vote. */
    Optional<Checkpoint> lastCheckpoint(long voteId) {
        return db.selectFrom(CHECKPOINT)
                .where(CHECKPOINT.VOTE_ID.eq(voteId))
                .orderBy(CHECKPOINT.BALLOTS.desc())
                .limit(1)
                .fetchOptional(BallotRepository::checkpoint);
    }

    private static Checkpoint checkpoint(org.openplaza.db.voting.tables.records.CheckpointRecord c) {
        return new Checkpoint(
                c.getVoteId(),
                c.getBallots(),
                c.getVoters(),
                c.getHeadHash(),
                c.getSignedAt().toInstant(),
                c.getSignature());
    }

    /** Keeps a checkpoint unless one of as many ballots exists already. */
    void addCheckpoint(Checkpoint checkpoint) {
        db.insertInto(CHECKPOINT)
                .set(CHECKPOINT.VOTE_ID, checkpoint.voteId())
                .set(CHECKPOINT.BALLOTS, checkpoint.ballots())
                .set(CHECKPOINT.VOTERS, checkpoint.voters())
                .set(CHECKPOINT.HEAD_HASH, checkpoint.headHash())
                .set(CHECKPOINT.SIGNED_AT, checkpoint.signedAt().atOffset(ZoneOffset.UTC))
                .set(CHECKPOINT.SIGNATURE, checkpoint.signature())
                .onConflictDoNothing()
                .execute();
    }

    /** Open votes (and those just closed but not yet counted), for signing checkpoints of. */
    List<Long> uncounted(Instant now) {
        return db.select(VOTE.ID)
                .from(VOTE)
                .where(VOTE.OPENS_AT.le(now.atOffset(ZoneOffset.UTC)))
                .and(VOTE.CANCELLED.isFalse())
                .and(VOTE.FINALISED_AT.isNull())
                .and(VOTE.HELD_AT.isNull())
                .fetch(VOTE.ID);
    }

    /**
     * Keeps the counted choices of a vote apart from its box, in the order given (the caller sorts
     * them by the choices themselves), with nothing but the vote.
     */
    void keepCounted(long voteId, List<String> choices) {
        var insert = db.batch(db.insertInto(COUNTED_BALLOT, COUNTED_BALLOT.VOTE_ID, COUNTED_BALLOT.CHOICES)
                .values((Long) null, null));
        for (String c : choices) {
            insert.bind(voteId, c);
        }
        if (!choices.isEmpty()) {
            insert.execute();
        }
    }

    void signCount(long voteId, String hash, String boxRoot, String signature) {
        db.update(VOTE)
                .set(VOTE.COUNTED_HASH, hash)
                .set(VOTE.COUNTED_BOX_ROOT, boxRoot)
                .set(VOTE.COUNTED_SIGNATURE, signature)
                .where(VOTE.ID.eq(voteId))
                .execute();
    }

    /**
     * What the portal signed when it counted the vote, naming {@code ballots} counted ballots (as
     * many as the citizens in the register, or the count would have been held); empty before, or
     * for a vote counted unsigned.
     */
    Optional<SignedCount> signedCount(Record vote, int ballots) {
        long id = vote.get(VOTE.ID);
        if (vote.get(VOTE.COUNTED_HASH) == null
                || vote.get(VOTE.COUNTED_SIGNATURE) == null
                || vote.get(VOTE.COUNTED_BOX_ROOT) == null) {
            return Optional.empty();
        }
        return Optional.of(new SignedCount(
                id,
                ballots,
                vote.get(VOTE.COUNTED_HASH),
                vote.get(VOTE.BALLOT_COUNT),
                vote.get(VOTE.COUNTED_BOX_ROOT),
                vote.get(VOTE.COUNTED_SIGNATURE)));
    }

    /** The chain hashes of a vote's ballots, in chain order: the leaves of its Merkle tree. */
    List<String> chainHashes(long voteId) {
        return db.select(BALLOT.HASH)
                .from(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .orderBy(BALLOT.POSITION)
                .fetch(BALLOT.HASH);
    }

    /**
     * The counted choices of a counted vote, sorted as they were signed (by Java's string order, not
     * the database's collation, which may differ).
     */
    List<String> counted(long voteId) {
        List<String> choices = new java.util.ArrayList<>(db.select(COUNTED_BALLOT.CHOICES)
                .from(COUNTED_BALLOT)
                .where(COUNTED_BALLOT.VOTE_ID.eq(voteId))
                .fetch(COUNTED_BALLOT.CHOICES));
        java.util.Collections.sort(choices);
        return choices;
    }

    /** The receipt a voter was first given, for a ballot that may have replaced earlier ones. */
    String firstReceipt(long voteId, String receipt) {
        String current = receipt;
        for (int i = 0; i < 10_000; i++) {
            String replaces = db.select(BALLOT.REPLACES)
                    .from(BALLOT)
                    .where(BALLOT.VOTE_ID.eq(voteId))
                    .and(BALLOT.RECEIPT.eq(current))
                    .fetchOptional(BALLOT.REPLACES)
                    .orElse(null);
            if (replaces == null) {
                return current;
            }
            current = replaces;
        }
        return current;
    }

    /** A vote's ballots after a position, in chain order. */
    List<BallotRecord> ballotsAfter(long voteId, int position) {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(voteId))
                .and(BALLOT.POSITION.gt(position))
                .orderBy(BALLOT.POSITION)
                .fetch();
    }
}
