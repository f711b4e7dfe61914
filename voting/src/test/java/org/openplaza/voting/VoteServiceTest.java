package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
class VoteServiceTest {

    @Autowired
    VoteService votes;

    @Autowired
    DSLContext db;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    private void vote(String question, Duration opensIn, Duration closesIn, boolean cancelled) {
        db.insertInto(VOTE)
                .set(VOTE.QUESTION, question)
                .set(VOTE.OPENS_AT, now.plus(opensIn))
                .set(VOTE.CLOSES_AT, now.plus(closesIn))
                .set(VOTE.CANCELLED, cancelled)
                .set(VOTE.CREATED_AT, now)
                .execute();
    }

    @Test
    void only_votes_open_now_and_not_cancelled_count_as_open_closing_soonest_first() {
        vote("open, closes in a week", Duration.ofDays(-1), Duration.ofDays(7), false);
        vote("open, closes tomorrow", Duration.ofDays(-1), Duration.ofDays(1), false);
        vote("not yet open", Duration.ofDays(1), Duration.ofDays(7), false);
        vote("closed", Duration.ofDays(-7), Duration.ofDays(-1), false);
        vote("cancelled", Duration.ofDays(-1), Duration.ofDays(7), true);
        assertThat(votes.countOpen()).isEqualTo(2);
        assertThat(votes.listOpen())
                .extracting(OpenVote::question)
                .containsExactly("open, closes tomorrow", "open, closes in a week");
    }
}
