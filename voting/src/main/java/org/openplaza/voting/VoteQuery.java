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

    /** What the index of votes' words holds of one vote. */
    record Text(long id, String question, List<String> options) {}

    /** The question and option labels of every vote, or of this one. */
    List<Text> texts(@org.jspecify.annotations.Nullable Long id) {
        return db.select(
                        VOTE.ID,
                        VOTE.QUESTION,
                        org.jooq
                                .impl
                                .DSL
                                .multiset(org.jooq
                                        .impl
                                        .DSL
                                        .select(org.openplaza.db.voting.Tables.VOTE_OPTION.LABEL)
                                        .from(org.openplaza.db.voting.Tables.VOTE_OPTION)
                                        .where(org.openplaza.db.voting.Tables.VOTE_OPTION.VOTE_ID.eq(VOTE.ID))
                                        .orderBy(org.openplaza.db.voting.Tables.VOTE_OPTION.POSITION))
                                .convertFrom(r -> r.map(org.jooq.Record1::value1)))
                .from(VOTE)
                .where(id == null ? org.jooq.impl.DSL.noCondition() : VOTE.ID.eq(id))
                .fetch(Records.mapping(Text::new));
    }
}
