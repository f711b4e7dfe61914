package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Votes are found by the words of their question and options, as proposals and datasets are:
 * word beginnings, stems, synonyms and Korean words inside longer ones. Each vote is opened in a
 * committed transaction, as in the portal, so that the index hears of it after the commit.
 */
@SpringBootTest
class VoteWordsTest {

    @Autowired
    VoteService votes;

    @Autowired
    DSLContext db;

    final String tag = "v" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @org.junit.jupiter.api.BeforeEach
    void official() {
        TestAccounts.user(db, "official" + tag, true);
    }

    private long open(String question, String... options) {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        Instant now = Instant.now();
        return votes.open(new VoteSpec(
                null,
                question + " " + tag,
                Method.SINGLE,
                java.util.Arrays.stream(options)
                        .map(label -> new VoteSpec.Option(label, null))
                        .toList(),
                null,
                null,
                false,
                now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(8))));
    }

    private List<Long> found(String words) {
        TestAccounts.anonymous();
        return votes.search(words + " " + tag, 10).stream().map(VoteInfo::id).toList();
    }

    @Test
    void questions_and_options_are_found_as_people_type_them() {
        long parks = open("Which park gets new trees?", "Hangang", "Seoul Forest", "Olympic");
        long bikes = open("공공 자전거 대여소를 어디에 둘까요?", "시청", "강남역");

        assertThat(found("parks")).as("the stem").containsExactly(parks);
        assertThat(found("fores")).as("an option's beginning").containsExactly(parks);
        assertThat(found("bicycle")).as("an English synonym of the Korean word").containsExactly(bikes);
        assertThat(found("대여")).as("a Korean word inside a longer one").containsExactly(bikes);
        assertThat(found("강남")).as("an option").containsExactly(bikes);
        assertThat(found("museum")).isEmpty();
        assertThat(votes.search("   ", 10)).isEmpty();
    }
}
