package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.VOTE;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.openplaza.db.voting.tables.records.BallotRecord;

/** What an insider with write access to the database does to a ballot box, for the attack tests. */
final class Insider {

    private Insider() {}

    /** The vote's ballots in chain order. */
    static List<BallotRecord> box(DSLContext db, long vote) {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .orderBy(BALLOT.POSITION)
                .fetch();
    }

    /**
     * What a careful insider does after changing the box: writes these ballots back as the whole
     * box, renumbered and rehashed one by one, head and count included.
     */
    static void rehash(DSLContext db, long vote, List<BallotRecord> ballots) {
        db.deleteFrom(BALLOT).where(BALLOT.VOTE_ID.eq(vote)).execute();
        String previous = BallotChain.GENESIS;
        int position = 0;
        for (BallotRecord b : ballots) {
            position++;
            String hash = BallotChain.hash(vote, position, b, previous);
            BallotRecord copy = b.copy();
            copy.setVoteId(vote);
            copy.setPosition(position);
            copy.setPreviousHash(previous);
            copy.setHash(hash);
            db.insertInto(BALLOT).set(copy).execute();
            previous = hash;
        }
        db.update(VOTE)
                .set(VOTE.HEAD_HASH, previous)
                .set(VOTE.BALLOT_COUNT, position)
                .where(VOTE.ID.eq(vote))
                .execute();
    }

    /** Changes the stored choices of every ballot as told, then rehashes the whole box. */
    static void rewrite(DSLContext db, long vote, UnaryOperator<BallotRecord> change) {
        rehash(db, vote, box(db, vote).stream().map(change).toList());
    }
}
