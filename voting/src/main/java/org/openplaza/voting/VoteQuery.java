package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class VoteQuery {

    private final DSLContext db;

    VoteQuery(DSLContext db) {
        this.db = db;
    }

    private static Condition openAt(Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        return VOTE.CANCELLED.isFalse().and(VOTE.OPENS_AT.le(at)).and(VOTE.CLOSES_AT.gt(at));
    }

    int countOpen(Instant now) {
        return db.fetchCount(VOTE, openAt(now));
    }

    List<OpenVote> listOpen(Instant now) {
        return db.select(
                        VOTE.ID,
                        VOTE.QUESTION,
                        VOTE.OPENS_AT.convertFrom(t -> t.toInstant()),
                        VOTE.CLOSES_AT.convertFrom(t -> t.toInstant()))
                .from(VOTE)
                .where(openAt(now))
                .orderBy(VOTE.CLOSES_AT, VOTE.ID)
                .fetch(Records.mapping(OpenVote::new));
    }
}
