package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing written while citizens vote links a voter to a ballot: no log line (with the portal's
 * module's and jOOQ's loggers at debug) carries a receipt, a change secret or
 * the stored choices, and the audit log records the opening, closing and counting of a vote but
 * never a ballot.
 */
@SpringBootTest
@Transactional
@Import(TestAccounts.Clocks.class)
class BallotSecrecyTest {

    @Autowired
    BallotService ballots;

    @Autowired
    VoteService votes;

    @Autowired
    CountService counts;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger ours = (Logger) LoggerFactory.getLogger("org.openplaza");
    /** jOOQ at debug would log statements with their values, were its execute logging on. */
    final Logger jooq = (Logger) LoggerFactory.getLogger("org.jooq");

    Level oursBefore;

    @BeforeEach
    void listen() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        oursBefore = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        jooq.setLevel(Level.DEBUG);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        ours.setLevel(oursBefore);
        jooq.setLevel(null);
        SecurityContextHolder.clearContext();
    }

    @Test
    void no_log_line_or_audit_entry_holds_a_ballot() {
        for (String name : List.of("kim", "lee", "park")) {
            TestAccounts.user(db, name + tag, true);
        }
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        long vote = votes.open(new VoteSpec(
                null,
                "Which bridge gets a bike lane?",
                Method.RANKED,
                List.of(
                        new VoteSpec.Option("Mapo", null),
                        new VoteSpec.Option("Seogang", null),
                        new VoteSpec.Option("Yanghwa", null)),
                null,
                null,
                true,
                Instant.parse("2026-06-01T08:00:00Z"),
                Instant.parse("2026-06-08T08:00:00Z")));
        List<String> secrets = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        TestAccounts.signIn("kim" + tag, "CITIZEN");
        receipts.add(ballots.cast(vote, List.of(3, 1, 2)));
        TestAccounts.signIn("lee" + tag, "CITIZEN");
        receipts.add(ballots.cast(vote, List.of(2, 3)));
        TestAccounts.signIn("park" + tag, "CITIZEN");
        receipts.add(ballots.cast(vote, List.of(1)));
        TestAccounts.signIn("kim" + tag, "CITIZEN");
        receipts.add(ballots.change(vote, receipts.get(0).changeSecret(), List.of(2, 1)));
        receipts.forEach(r -> secrets.add(r.changeSecret()));
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        votes.closeEarly(vote, "Enough votes for a test");
        counts.finalise(vote, CountService.Progress.NONE);

        List<String> forbidden = new ArrayList<>(List.of("3>1>2", "2>3", "2>1"));
        receipts.forEach(r -> forbidden.add(r.code()));
        forbidden.addAll(secrets);
        LoggerFactory.getLogger(BallotService.class).debug("secrecy test marker");
        assertThat(log.list)
                .as("the listener hears the module's debug lines")
                .anyMatch(e -> e.getFormattedMessage().equals("secrecy test marker"));
        for (ILoggingEvent event : log.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : event.getThrowableProxy().getMessage());
            assertThat(forbidden).noneMatch(line::contains);
        }
        List<String> audit = db.select(AUDIT_EVENT.EVENT_TYPE, AUDIT_EVENT.DETAIL, AUDIT_EVENT.OBJECT_ID)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.OBJECT_TYPE.eq("vote"))
                .and(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote)))
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3());
        assertThat(audit).hasSize(3).allSatisfy(entry -> assertThat(forbidden).noneMatch(entry::contains));
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.in("kim" + tag, "lee" + tag, "park" + tag)))
                .as("casting a ballot is not audited by voter")
                .isZero();
    }
}
