package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.testdata.MovableClock;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteService;
import org.openplaza.voting.VoteSpec;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An official puts a government proposal to a ranked vote; three citizens vote, one by keyboard
 * moves, and one changes their ballot with their secret; an unverified citizen is refused. The
 * official closes the vote early; the results show the instant-runoff rounds and the Schulze
 * winner, the proposal is adopted, a voter checks with the receipt she kept through her change
 * that her ballot counted, the recount from the published data (choices only, no receipt) matches,
 * and a ballot altered in the database makes it fail. While a vote runs its page shows the turnout
 * only as of the last checkpoint, which waits for a batch of ballots.
 * A budget ballot keeps a running total and refuses to go over the budget, and an old sign-in
 * is asked for the password again before the ballot is cast.
 */
class VoteIT extends BrowserTest {

    private static final String PASSWORD = "copper meadow quietly hums";

    @Autowired
    AccountService accounts;

    @Autowired
    VoteService votes;

    @Autowired
    org.openplaza.voting.BallotService ballots;

    @Autowired
    RunAs runAs;

    @Autowired
    org.openplaza.participationdata.ParticipationDatasets participationDatasets;

    @Autowired
    org.openplaza.voting.CheckpointService checkpoints;

    /** What the portal does every minute: sign checkpoints of running votes. */
    private void signCheckpoints() {
        runAs.run(org.openplaza.platform.SystemIdentity.job(), checkpoints::signRunningVotes);
    }

    @Autowired
    MovableClock clock;

    @Autowired
    DataSource dataSource;

    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private String verifiedCitizen(String name) {
        String username = name + tag;
        long id = accounts.register(new Registration(username, "Voter " + name, username + "@example.org", PASSWORD))
                .id();
        runAs.run(admin(), () -> accounts.setVerifiedResident(id, true));
        return username;
    }

    /** Opens a vote as the demo official, through the service. */
    private long openAsOfficial(VoteSpec spec) {
        long[] id = new long[1];
        runAs.run(
                UsernamePasswordAuthenticationToken.authenticated(
                        "official", "n/a", AuthorityUtils.createAuthorityList("ROLE_OFFICIAL")),
                () -> id[0] = votes.open(spec));
        return id[0];
    }

    /** Waits until the keyboard's focus is on the element of this id. */
    private void focusOn(String id, String why) {
        waiting()
                .withMessage(
                        () -> why + ": focus on " + js("return document.activeElement && document.activeElement.id"))
                .until(d -> id.equals(js("return document.activeElement && document.activeElement.id")));
    }

    private List<String> ranking() {
        return driver.findElements(By.cssSelector("#ranking ol .ranking-label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Ranks the options given by number, in order, then casts and confirms; returns receipt and secret. */
    private String[] rankAndCast(String voteUrl, int... options) {
        driver.get(voteUrl);
        waitForVaadin();
        for (int option : options) {
            click("#rank-add-" + option);
        }
        click("#vote-cast");
        find("#vote-confirm-summary");
        click("#vote-confirm");
        String receipt = find("#vote-receipt").getText();
        String secret = present("#vote-secret") ? find("#vote-secret").getText() : null;
        return new String[] {receipt, secret};
    }

    @Test
    void a_ranked_vote_from_opening_to_a_recount_anyone_can_make() throws Exception {
        String ann = verifiedCitizen("ann");
        String bo = verifiedCitizen("bo");
        String cy = verifiedCitizen("cy");
        String unverified = "eve" + tag;
        accounts.register(new Registration(unverified, "Voter eve", unverified + "@example.org", PASSWORD));

        // the official publishes a government proposal and opens a ranked vote on it
        signIn("official", "plaza-official-demo");
        open("/proposals/new");
        type("#proposal-title", "Riverside plans " + tag);
        find("#proposal-summary-field textarea").sendKeys("Choose what the riverside becomes.");
        click("#proposal-save");
        waiting().until(d -> currentPath().startsWith("/proposal/"));
        String proposalUrl = driver.getCurrentUrl();
        click("#proposal-publish");
        click("#proposal-publish-confirm");
        waitFor("#proposal-status", "Scheduled for a vote");
        click("#proposal-open-vote");
        waiting().until(d -> currentPath().startsWith("/votes/new"));
        waitFor("#vote-about", "Riverside plans " + tag);
        choose("#vote-method", "Ranked choice, counted by instant runoff and by the Schulze method");
        find("#vote-options textarea").sendKeys("Market\nCinema\nPark");
        click("#vote-allow-change");
        assertAccessible("vote editor");
        click("#vote-open");
        waiting().until(d -> currentPath().startsWith("/vote/"));
        String voteUrl = driver.getCurrentUrl();
        waitFor("#vote-turnout", "No citizen has voted yet");
        waitFor("#vote-head", "no ballot yet");
        waitFor("#vote-checkpoint", "Public key (Ed25519): MCowBQYDK2VwAyEA");
        assertAccessible("vote page for an official");

        // Ann ranks with the keyboard buttons, hears each move, and casts Market > Cinema
        switchTo(ann, PASSWORD);
        driver.get(voteUrl);
        waitForVaadin();
        click("#rank-add-1");
        focusOn("rank-add-2", "after Add, the next option to add");
        click("#rank-add-2");
        focusOn("rank-add-3", "after Add, the next option to add");
        assertThat(ranking()).containsExactly("Market", "Cinema");
        click("#rank-up-2");
        waitFor("#ranking-announcer", "Cinema moved to number 1");
        focusOn("rank-down-2", "at the top, where Move up is off, the same option's Move down");
        assertThat(ranking()).containsExactly("Cinema", "Market");
        click("#rank-down-2");
        assertThat(ranking()).containsExactly("Market", "Cinema");
        assertAccessible("ranked ballot");
        click("#vote-cast");
        waitFor("#vote-confirm-summary", "1. Market, 2. Cinema");
        click("#vote-confirm");
        String firstReceipt = find("#vote-receipt").getText();
        waiting()
                .withMessage("after casting, the receipt's heading has the focus")
                .until(d -> Boolean.TRUE.equals(
                        js("return document.activeElement === document.querySelector('#vote-receipt-box h2')")));
        String secret = find("#vote-secret").getText();
        assertThat(firstReceipt).hasSize(16);
        assertThat(secret).hasSize(24);
        assertThat(find("#vote-receipt-once").getText()).contains("only time");
        click("#vote-receipt-download");
        java.nio.file.Path saved =
                downloads.resolve("openplaza-vote-" + voteUrl.replaceAll(".*/", "") + "-receipt.txt");
        waiting().until(d -> java.nio.file.Files.exists(saved));
        waiting().until(d -> {
            try {
                return java.nio.file.Files.readString(saved).contains(secret);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(java.nio.file.Files.readString(saved)).contains(firstReceipt, "Your receipt code:");
        assertAccessible("receipt");

        // Bo and Cy vote; then Ann changes her ballot to Park > Cinema with her secret
        switchTo(bo, PASSWORD);
        rankAndCast(voteUrl, 2, 3);
        switchTo(cy, PASSWORD);
        rankAndCast(voteUrl, 1, 3);
        switchTo(ann, PASSWORD);
        driver.get(voteUrl);
        waitForVaadin();
        waitFor("#vote-standing", "You have voted");
        type("#vote-change-secret", "WRONGSECRETWRONGSECRET00");
        click("#rank-add-3");
        click("#rank-add-2");
        click("#vote-change");
        click("#vote-confirm");
        waiting()
                .withMessage("a wrong secret is refused on its field")
                .until(d -> find("#vote-change-secret").getAttribute("invalid") != null);
        assertThat(present("#vote-receipt")).isFalse();
        type("#vote-change-secret", secret);
        click("#vote-change");
        click("#vote-confirm");
        String receipt = find("#vote-receipt").getText();
        assertThat(receipt).as("Ann keeps the receipt she was given first").isEqualTo(firstReceipt);
        signCheckpoints();
        waitFor("#vote-turnout", "3 citizens");

        // an unverified citizen may not vote
        switchTo(unverified, PASSWORD);
        driver.get(voteUrl);
        waitForVaadin();
        waitFor("#vote-standing", "verified as residents");
        assertThat(present("#ballot-form")).isFalse();

        // the official closes the vote early; the count shows both methods
        switchTo("official", "plaza-official-demo");
        driver.get(voteUrl);
        waitForVaadin();
        click("#vote-close");
        find("#vote-close-reason textarea").sendKeys("The council decides on Monday");
        click("#vote-close-reason-confirm");
        waitFor("#results-irv-winner", "Cinema, after 2 rounds");
        waitFor("#results-irv-rounds", "Park eliminated");
        waitFor("#results-schulze-winner", "Park");
        waitFor("#results-turnout", "3 of");
        waitFor("#results-chain", "intact: 4 ballots");
        // the checkpoint signed while it ran (and any the portal's job made meanwhile), and the
        // closing one the portal signed when it counted, which vouches for every ballot
        assertThat(find("#results-checkpoints").getText())
                .as("the closing checkpoint, signed by the portal when it counted")
                .containsPattern("passes through [1-9][0-9]* checkpoints? signed with the ballot-box key \\(Ed25519,"
                        + " public key MCowBQYDK2VwAyEA")
                .endsWith("the last one vouches for every ballot.");
        assertAccessible("results");
        assertThat(
                        (Boolean)
                                js(
                                        "return [...document.querySelectorAll('#results-irv-chart svg path')]"
                                                + ".some(p => ['#0a55b8', 'rgb(10,85,184)'].includes((p.getAttribute('fill') || '').replace(/ /g, '').toLowerCase()))"))
                .as("the charts are drawn in the portal's colours")
                .isTrue();
        driver.get(proposalUrl);
        waitForVaadin();
        waitFor("#proposal-status", "Adopted");
        waitFor("#proposal-votes", "Closed");
        assertAccessible("proposal with its vote");
        open("/votes");
        waitFor("#votes-closed", "Riverside plans " + tag);
        assertAccessible("votes");

        // Ann checks with her receipt that her ballot counted; nothing shows her choices
        switchTo(ann, PASSWORD);
        driver.get(voteUrl);
        waitForVaadin();
        type("#receipt-code", receipt.toLowerCase());
        click("#receipt-find");
        waitFor("#receipt-result", "and it was counted");
        assertThat(find("#receipt-result").getText()).doesNotContain("Park");
        assertThat(find("#receipt-proof").getText())
                .contains("ballot 1 of 4")
                .contains("OpenPlaza count;vote=" + voteUrl.substring(voteUrl.lastIndexOf('/') + 1) + ";ballots=3;");
        type("#receipt-code", "NOSUCHRECEIPT000");
        click("#receipt-find");
        waitFor("#receipt-result", "No ballot has that receipt code");
        click("#results-recount");
        waitFor("#recount-report", "The recount matches: 3 published ballots for 3 citizens who voted");
        click("#results-dataset");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        waitForVaadin();
        waiting()
                .withMessage("Ann's counted ballot in the published ballots")
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Park > Cinema"));
        assertThat(driver.findElement(By.tagName("body")).getText())
                .as("no receipt is published")
                .doesNotContain(receipt);

        // an insider publishes a doctored version of the ballots: the same tally, in another order
        String voteId = voteUrl.substring(voteUrl.lastIndexOf('/') + 1);
        java.nio.file.Path doctored = java.nio.file.Files.createTempFile("doctored-ballots", ".csv");
        java.nio.file.Files.writeString(
                doctored,
                "ballot,choices,choice_labels\n1,3>2,Park > Cinema\n2,2>3,Cinema > Park\n3,1>3,Market > Park\n");
        runAs.run(
                org.openplaza.platform.SystemIdentity.job(),
                () -> participationDatasets.publish(
                        "vote-ballots-" + voteId,
                        "Ballots of vote " + voteId + ": "
                                + votes.find(Long.parseLong(voteId))
                                        .orElseThrow()
                                        .question(),
                        "doctored",
                        List.of("ballots"),
                        "NEVER",
                        doctored,
                        plan -> plan));
        java.nio.file.Files.delete(doctored);
        driver.get(voteUrl);
        waitForVaadin();
        click("#results-recount");
        waitFor("#recount-report", "not those the portal signed when it counted");

        // a ballot altered in the database: the recount says so
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement("UPDATE voting.ballot SET choices = '1' WHERE receipt = ?")) {
            update.setString(1, receipt);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        driver.get(voteUrl);
        waitForVaadin();
        click("#results-recount");
        waitFor("#recount-report", "does not match");
        waitFor("#recount-report", "broken at ballot 1");
    }

    @Test
    void a_budget_ballot_keeps_a_running_total_and_refuses_to_overspend() {
        String dee = verifiedCitizen("dee");
        long[] vote = {
            openAsOfficial(new VoteSpec(
                    null,
                    "Park improvements " + tag,
                    Method.BUDGET,
                    List.of(
                            new VoteSpec.Option("Benches", 30_000L),
                            new VoteSpec.Option("Lights", 50_000L),
                            new VoteSpec.Option("Playground", 60_000L)),
                    null,
                    100_000L,
                    false,
                    clock.instant().minusSeconds(60),
                    clock.instant().plus(Duration.ofDays(3))))
        };
        signIn(dee, PASSWORD);
        open("/vote/" + vote[0]);
        waitFor("#vote-turnout", "No citizen has voted yet");
        // another citizen votes elsewhere: the open page follows the turnout and the chain's head
        String fay = verifiedCitizen("fay");
        runAs.run(
                UsernamePasswordAuthenticationToken.authenticated(
                        fay, "n/a", AuthorityUtils.createAuthorityList("ROLE_CITIZEN")),
                () -> ballots.cast(vote[0], List.of(1)));
        signCheckpoints();
        // one ballot is not a batch: the page shows nothing has moved
        assertThat(find("#vote-turnout").getText()).contains("No citizen has voted yet");
        String gus = verifiedCitizen("gus");
        runAs.run(
                UsernamePasswordAuthenticationToken.authenticated(
                        gus, "n/a", AuthorityUtils.createAuthorityList("ROLE_CITIZEN")),
                () -> ballots.cast(vote[0], List.of(2)));
        signCheckpoints();
        waitFor("#vote-turnout", "2 citizens have voted");
        assertThat(find("#vote-head").getText()).doesNotContain("no ballot yet");

        // on a phone the ballot fits the screen's width
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/vote/" + vote[0]);
            find("#ballot-some");
            assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at 390 px")
                    .isTrue();
            assertAccessible("budget ballot on a phone");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        open("/vote/" + vote[0]);
        waitFor("#ballot-total", "Chosen: 0 of 100,000");
        List<WebElement> boxes = driver.findElements(By.cssSelector("#ballot-some vaadin-checkbox input"));
        click(boxes.get(1));
        click(boxes.get(2));
        waitFor("#ballot-total", "Chosen: 110,000 of 100,000");
        click("#vote-cast");
        click("#vote-confirm");
        waitFor("#ballot-error", "cost more than the budget");
        assertAccessible("budget ballot");
        boxes = driver.findElements(By.cssSelector("#ballot-some vaadin-checkbox input"));
        click(boxes.get(2));
        click(boxes.get(0));
        waitFor("#ballot-total", "Chosen: 80,000 of 100,000; left: 20,000");

        // the sign-in grows old (past 30 minutes): the password is asked again before the ballot is cast
        clock.advance(Duration.ofMinutes(31));
        click("#vote-cast");
        click("#vote-confirm");
        type("#reauth-password", "not my password");
        click("#reauth-confirm");
        waiting()
                .withMessage("a wrong password is refused")
                .until(d -> find("#reauth-password").getAttribute("invalid") != null);
        assertThat(present("#vote-receipt")).isFalse();
        type("#reauth-password", PASSWORD);
        click("#reauth-confirm");
        assertThat(find("#vote-receipt").getText()).hasSize(16);
        assertThat(present("#vote-secret")).as("no changes allowed, no secret").isFalse();
    }

    @Test
    void a_coming_vote_turns_to_its_ballot_when_it_opens() {
        String gus = verifiedCitizen("gus");
        long[] vote = {
            openAsOfficial(VoteSpec.yesNo(
                    null,
                    "Night buses on weekends " + tag,
                    false,
                    clock.instant().plus(Duration.ofHours(1)),
                    clock.instant().plus(Duration.ofDays(1))))
        };
        signIn(gus, PASSWORD);
        open("/vote/" + vote[0]);
        find("#vote-upcoming");
        assertThat(present("#ballot-form")).isFalse();
        clock.advance(Duration.ofHours(1));
        // the open page checks every 10 seconds
        waiting(Duration.ofSeconds(30))
                .withMessage("the ballot appears once the vote opens, without reloading")
                .until(d -> present("#ballot-one"));
        assertThat(present("#vote-upcoming")).isFalse();
    }

    @Test
    void a_box_tampered_with_before_the_count_is_held_and_the_administrators_are_alerted() throws Exception {
        String question = "Street trees on Yulgok-ro " + tag;
        long vote = openAsOfficial(VoteSpec.yesNo(
                null,
                question,
                false,
                clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(2))));
        for (String name : List.of("hana", "ian")) {
            String citizen = verifiedCitizen(name);
            runAs.run(
                    UsernamePasswordAuthenticationToken.authenticated(
                            citizen, "n/a", AuthorityUtils.createAuthorityList("ROLE_CITIZEN")),
                    () -> ballots.cast(vote, List.of(2)));
        }
        // an insider turns a "No" into a "Yes" before the count
        String original;
        try (var connection = dataSource.getConnection();
                var read = connection.prepareStatement(
                        "SELECT choices FROM voting.ballot WHERE vote_id = ? AND position = 2")) {
            read.setLong(1, vote);
            try (var row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                original = row.getString(1);
            }
        }
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "UPDATE voting.ballot SET choices = '1' WHERE vote_id = ? AND position = 2")) {
            update.setLong(1, vote);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        runAs.run(
                UsernamePasswordAuthenticationToken.authenticated(
                        "official", "n/a", AuthorityUtils.createAuthorityList("ROLE_OFFICIAL")),
                () -> votes.closeEarly(vote, "The council decides on Monday"));

        open("/vote/" + vote);
        waitFor("#results-held", "held for investigation");
        assertThat(find("#results-held").getText()).contains("ballot chain does not recompute");
        assertThat(present("#results-dataset")).as("no ballots published").isFalse();
        assertAccessible("a vote whose count is held");

        signIn("admin", "plaza-admin-demo-key");
        open("/notifications");
        waitFor("#notifications-list", "Count held for investigation: " + question);
        click("#notifications-list a[href='vote/" + vote + "']");
        waitFor("#results-held", "held for investigation");

        // the ballot restored from a backup, the administrator has the vote counted again
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "UPDATE voting.ballot SET choices = ? WHERE vote_id = ? AND position = 2")) {
            update.setString(1, original);
            update.setLong(2, vote);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        click("#vote-count-again");
        find("#vote-count-again-reason textarea").sendKeys("Ballot 2 restored from the backup of this morning");
        click("#vote-count-again-reason-confirm");
        waitFor("#results-turnout", "2 of");
        assertThat(present("#results-held")).isFalse();
    }
}
