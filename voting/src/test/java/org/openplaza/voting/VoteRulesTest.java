package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.proposals.People;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may vote (district, age), quorum and threshold, closing early and cancelling with reasons,
 * counting once and moving the proposal, receipts and the published ballots that recount to the
 * same result.
 */
@SpringBootTest
@Transactional
@Import(TestAccounts.Clocks.class)
class VoteRulesTest {

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    ProposalService proposals;

    @Autowired
    DSLContext db;

    @Autowired
    CheckpointService checkpoints;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final String mapo = "Mapo-" + tag;
    final String jongno = "Jongno-" + tag;
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");

    @BeforeEach
    void residents() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        TestAccounts.resident(db, "adult" + tag, mapo, LocalDate.parse("1980-01-01"));
        TestAccounts.resident(db, "turns16" + tag, mapo, LocalDate.parse("2010-06-08"));
        TestAccounts.resident(db, "fifteen" + tag, mapo, LocalDate.parse("2010-06-09"));
        TestAccounts.resident(db, "elsewhere" + tag, jongno, LocalDate.parse("1970-01-01"));
        TestAccounts.resident(db, "second" + tag, mapo, LocalDate.parse("1990-01-01"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long open(Method method, List<String> options, VoteSpec.Eligibility who, VoteSpec.Rules rules) {
        return open(null, method, options, who, rules);
    }

    private long open(
            Long proposal, Method method, List<String> options, VoteSpec.Eligibility who, VoteSpec.Rules rules) {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        return votes.open(new VoteSpec(
                proposal,
                "Should the Mapo riverside get a night market?",
                method,
                options.stream().map(o -> new VoteSpec.Option(o, null)).toList(),
                null,
                null,
                false,
                opens,
                closes,
                who,
                rules));
    }

    private Receipt castAs(String name, long vote, Integer... choices) {
        TestAccounts.signIn(name + tag, "CITIZEN");
        return ballots.cast(vote, List.of(choices));
    }

    private static Consumer<Throwable> refusal(String key) {
        return e -> assertThat(((VotingException) e).messageKey()).isEqualTo(key);
    }

    @Test
    void only_residents_of_the_districts_old_enough_on_the_closing_day_may_vote() {
        long vote = open(
                Method.YES_NO,
                List.of("Yes", "No", "Abstain"),
                new VoteSpec.Eligibility(Set.of(mapo), 16),
                VoteSpec.Rules.NONE);
        TestAccounts.signIn("elsewhere" + tag, "CITIZEN");
        assertThat(ballots.standing(vote)).isEqualTo(Standing.OUTSIDE_DISTRICT);
        assertThatThrownBy(() -> castAs("elsewhere", vote, 1)).satisfies(refusal("vote.error.district"));
        assertThatThrownBy(() -> castAs("fifteen", vote, 1)).satisfies(refusal("vote.error.age"));
        TestAccounts.signIn("turns16" + tag, "CITIZEN");
        assertThat(ballots.standing(vote)).as("16 on the closing day").isEqualTo(Standing.ELIGIBLE);
        castAs("turns16", vote, 1);
        assertThat(ballots.standing(vote)).isEqualTo(Standing.VOTED);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThat(ballots.standing(vote)).isEqualTo(Standing.NOT_CITIZEN);
        TestAccounts.anonymous();
        assertThat(ballots.standing(vote)).isEqualTo(Standing.SIGN_IN);
        assertThat(votes.find(vote).orElseThrow().eligibility().districts()).containsExactly(mapo);

        clock.set(closes);
        Results results = counts.results(vote);
        assertThat(results.electorate()).as("adult, turns16 and second").isEqualTo(3);
    }

    @Test
    void quorum_and_threshold_decide_whether_a_vote_carries() {
        VoteSpec.Eligibility inMapo = new VoteSpec.Eligibility(Set.of(mapo), null);
        long quorate = open(Method.YES_NO, List.of("Yes", "No", "Abstain"), inMapo, new VoteSpec.Rules(50, 60));
        long inquorate = open(Method.YES_NO, List.of("Yes", "No", "Abstain"), inMapo, new VoteSpec.Rules(100, null));
        long single =
                open(Method.SINGLE, List.of("Night market", "Cinema", "Nothing"), inMapo, new VoteSpec.Rules(null, 60));
        castAs("adult", quorate, 1);
        castAs("second", quorate, 3);
        castAs("adult", inquorate, 1);
        castAs("adult", single, 1);
        castAs("second", single, 2);
        clock.set(closes);

        Results carried = counts.results(quorate);
        assertThat(carried.electorate()).isEqualTo(4);
        assertThat(carried.quorumMet()).as("2 of 4 is 50%").isTrue();
        assertThat(carried.leading()).isEqualTo("Yes");
        assertThat(carried.leadingShare())
                .as("abstentions are not counted in the share")
                .isEqualTo(1.0);
        assertThat(carried.thresholdMet()).isTrue();
        assertThat(carried.carried()).isTrue();

        Results notQuorate = counts.results(inquorate);
        assertThat(notQuorate.quorumMet()).isFalse();
        assertThat(notQuorate.carried()).isFalse();

        Results tied = counts.results(single);
        assertThat(tied.leading()).as("a tie has no leading option").isNull();
        assertThat(tied.carried()).isFalse();
    }

    @Test
    void closing_early_and_cancelling_need_a_reason_and_are_audited() {
        long vote = open(
                Method.YES_NO, List.of("Yes", "No", "Abstain"), VoteSpec.Eligibility.VERIFIED, VoteSpec.Rules.NONE);
        castAs("adult", vote, 1);
        TestAccounts.signIn("adult" + tag, "CITIZEN");
        assertThatThrownBy(() -> votes.closeEarly(vote, "Enough"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestAccounts.signIn("another-official" + tag, "OFFICIAL");
        assertThat(votes.mayManage(vote)).isFalse();
        assertThatThrownBy(() -> votes.closeEarly(vote, "Not my vote to close"))
                .as("only the official who opened it, or an administrator")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThat(votes.mayManage(vote)).isTrue();
        assertThatThrownBy(() -> votes.closeEarly(vote, " ")).satisfies(refusal("vote.error.reason"));
        votes.closeEarly(vote, "The council meets tomorrow");
        assertThat(votes.find(vote).orElseThrow().state()).isEqualTo(VoteInfo.State.CLOSED);
        assertThat(votes.find(vote).orElseThrow().closedEarlyReason()).isEqualTo("The council meets tomorrow");
        assertThatThrownBy(() -> castAs("second", vote, 2)).satisfies(refusal("vote.error.closed"));
        assertThat(counts.results(vote).turnout()).isEqualTo(1);

        long other = open(
                Method.YES_NO, List.of("Yes", "No", "Abstain"), VoteSpec.Eligibility.VERIFIED, VoteSpec.Rules.NONE);
        castAs("adult", other, 2);
        TestAccounts.signIn("admin" + tag, "ADMIN");
        votes.cancel(other, "The question was worded wrongly");
        assertThat(votes.find(other).orElseThrow().state()).isEqualTo(VoteInfo.State.CANCELLED);
        assertThatThrownBy(() -> counts.results(other)).satisfies(refusal("vote.error.cancelled"));
        assertThatThrownBy(() -> castAs("second", other, 1)).satisfies(refusal("vote.error.cancelled"));
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThatThrownBy(() -> votes.cancel(vote, "Too late to cancel"))
                .as("a closed vote is counted")
                .satisfies(refusal("vote.error.cancel-closed"));
        assertThat(db.select(AUDIT_EVENT.EVENT_TYPE, AUDIT_EVENT.DETAIL)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.OBJECT_ID.in(String.valueOf(vote), String.valueOf(other)))
                        .and(AUDIT_EVENT.OBJECT_TYPE.eq("vote"))
                        .fetch()
                        .map(r -> r.value1() + ":" + r.value2()))
                .contains(
                        "VOTE_CLOSED_EARLY:The council meets tomorrow",
                        "VOTE_CANCELLED:The question was worded wrongly");
    }

    @Test
    void a_counted_vote_moves_its_proposal_once() {
        TestAccounts.user(db, "official" + tag, true);
        long organisation = TestAccounts.organisation(
                db,
                "Mapo office " + tag,
                db.select(org.openplaza.db.accounts.Tables.APP_USER.ID)
                        .from(org.openplaza.db.accounts.Tables.APP_USER)
                        .where(org.openplaza.db.accounts.Tables.APP_USER.USERNAME.eq("official" + tag))
                        .fetchSingle(org.openplaza.db.accounts.Tables.APP_USER.ID));
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        long proposal = proposals.draftForOrganisation(organisation, People.text("A night market by the river"));
        proposals.publish(proposal);
        // an official of another organisation may not put this organisation's proposal to a vote
        TestAccounts.user(db, "stranger" + tag, true);
        TestAccounts.signIn("stranger" + tag, "OFFICIAL");
        assertThatThrownBy(() -> votes.open(VoteSpec.yesNo(proposal, "Not mine to ask", false, opens, closes)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        long vote = open(
                proposal,
                Method.YES_NO,
                List.of("Yes", "No", "Abstain"),
                new VoteSpec.Eligibility(Set.of(mapo), null),
                VoteSpec.Rules.NONE);
        assertThatThrownBy(() -> open(
                        proposal,
                        Method.YES_NO,
                        List.of("Yes", "No", "Abstain"),
                        VoteSpec.Eligibility.VERIFIED,
                        VoteSpec.Rules.NONE))
                .satisfies(refusal("vote.error.proposal-has-vote"));
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThatThrownBy(() -> proposals.recordResult(proposal, false, "Decided elsewhere"))
                .as("no result by hand while the vote is under way")
                .isInstanceOfSatisfying(
                        org.openplaza.proposals.ProposalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("proposal.error.vote-under-way"));
        castAs("adult", vote, 1);
        castAs("second", vote, 1);
        castAs("turns16", vote, 2);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThatThrownBy(() -> counts.finalise(vote, CountService.Progress.NONE))
                .satisfies(refusal("vote.error.still-open"));
        // the official who opened the vote leaves the organisation before the count: the count,
        // run as them, still records the vote's result on the proposal
        db.execute("DELETE FROM catalog.organisation_member WHERE organisation_id = ?", organisation);
        clock.set(closes);
        List<Long> seen = new ArrayList<>();
        Results results = counts.finalise(vote, (done, total) -> seen.add(done)).orElseThrow();
        assertThat(results.carried()).isTrue();
        assertThat(seen).as("progress told").isNotEmpty().last().isEqualTo(3L);
        assertThat(counts.finalise(vote, CountService.Progress.NONE))
                .as("counted once")
                .isEmpty();
        assertThat(proposals.find(proposal).orElseThrow().status()).isEqualTo(ProposalStatus.ADOPTED);
        org.openplaza.proposals.StatusChange decided =
                proposals.history(proposal).get(proposals.history(proposal).size() - 1);
        assertThat(decided.voteId()).as("the deciding vote, as data").isEqualTo(vote);
        assertThat(decided.reason()).as("no sentence stored in one language").isNull();
        VoteInfo info = votes.find(vote).orElseThrow();
        assertThat(info.carried()).isTrue();
        assertThat(info.electorate()).isEqualTo(4);
        assertThat(votes.forProposal(proposal)).extracting(VoteInfo::id).containsExactly(vote);
    }

    @Test
    void receipts_and_the_published_ballots_recount_to_the_same_result() {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        long vote = votes.open(
                VoteSpec.ranked("Rank the riverside plans", true, opens, closes, "Market", "Cinema", "Park"));
        Receipt adult = castAs("adult", vote, 2, 1, 3);
        castAs("second", vote, 1, 3);
        Receipt elsewhere = castAs("elsewhere", vote, 3, 2);
        TestAccounts.signIn("adult" + tag, "CITIZEN");
        Receipt changed = ballots.change(vote, adult.changeSecret(), List.of(1, 2));
        assertThat(changed.code()).as("the voter keeps their receipt").isEqualTo(adult.code());
        assertThatThrownBy(() -> counts.lookUp(vote, changed.code())).satisfies(refusal("vote.error.still-open"));
        assertThatThrownBy(() -> counts.publishedBallots(vote, b -> {})).satisfies(refusal("vote.error.still-open"));
        clock.set(closes);
        assertThatThrownBy(() -> counts.publishedBallots(vote, b -> {}))
                .as("nothing is published before the count")
                .satisfies(refusal("vote.error.not-counted"));
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        counts.finalise(vote, CountService.Progress.NONE).orElseThrow();

        assertThat(counts.lookUp(vote, "NOSUCHRECEIPT000")).isEmpty();
        // each receipt's ballot is proven in the box the portal signed, from the proof alone
        for (Receipt r : List.of(changed, elsewhere)) {
            CountService.Inclusion in =
                    counts.lookUp(vote, r.code().toLowerCase()).orElseThrow();
            assertThat(BallotChain.hash(
                            vote,
                            in.position(),
                            r.code(),
                            in.sealedChoices(),
                            in.castOn(),
                            in.replaces(),
                            in.replaceCheck(),
                            in.previousHash()))
                    .as("the ballot's hash, recomputed from its row and the receipt")
                    .isEqualTo(in.ballotHash());
            assertThat(MerkleTree.rootFromPath(
                            in.ballotHash(), in.position() - 1, in.count().boxBallots(), in.path()))
                    .isEqualTo(in.count().boxRoot());
            assertThat(checkpoints.verifies(in.count().text(), in.count().signature()))
                    .isTrue();
            assertThat(in.count().boxBallots())
                    .as("the box with the changed ballot")
                    .isEqualTo(4);
        }

        List<CountService.PublishedBallot> published = new ArrayList<>();
        counts.publishedBallots(vote, published::add);
        assertThat(published)
                .as("only the counted ballots, in the order of their choices")
                .extracting(CountService.PublishedBallot::choices)
                .containsExactly("1>2", "1>3", "3>2");
        assertThat(published.get(0).labels()).containsExactly("Market", "Cinema");
        Results results = counts.results(vote);
        Tally.Count recount = Tally.count(
                Method.RANKED,
                results.options(),
                java.util.Arrays.asList(null, null, null),
                null,
                published.stream().map(b -> Tally.parse(b.choices(), 3)).toList());
        assertThat(recount.sameAs(results.count())).isTrue();
        assertThat(results.runoff().winner()).isEqualTo("Market");
    }
}
