package org.openplaza.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/** Threaded comments, their votes and limits, reports and the moderation of both. */
@SpringBootTest
@Transactional
@Import(TestAccounts.Clocks.class)
class DiscussionAndModerationTest {

    @Autowired
    ProposalService proposals;

    @Autowired
    DiscussionService discussion;

    @Autowired
    ModerationService moderation;

    @Autowired
    NotificationService notifications;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    String author;
    String other;
    long proposal;

    @BeforeEach
    void a_published_proposal() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        author = "author" + tag;
        other = "other" + tag;
        TestAccounts.user(db, author, true);
        TestAccounts.user(db, other, true);
        if (!db.fetchExists(
                org.openplaza.db.accounts.Tables.APP_USER,
                org.openplaza.db.accounts.Tables.APP_USER.USERNAME.eq("root"))) {
            TestAccounts.user(db, "root", true);
        }
        TestAccounts.signIn("root", "ADMIN");
        proposals.updateSettings(new ParticipationSettings(100, 30, 3, 3));
        TestAccounts.signIn(author, "CITIZEN");
        proposal = proposals.draft(People.text("Car-free Sundays on Cheonggyecheon-ro"));
        proposals.publish(proposal);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void replies_nest_under_their_comment_votes_sort_and_the_replied_to_author_is_told() {
        TestAccounts.signIn(author, "CITIZEN");
        long first = discussion.comment(proposal, null, "First thoughts.");
        TestAccounts.signIn(other, "CITIZEN");
        long second = discussion.comment(proposal, null, "I *agree*.");
        long reply = discussion.comment(proposal, first, "A reply to the first.");
        assertThatThrownBy(() -> discussion.vote(reply, 1)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(author, "CITIZEN");
        assertThat(discussion.vote(second, 1)).isEqualTo(1);
        assertThat(discussion.vote(second, 1)).as("one vote per user").isEqualTo(1);
        assertThat(discussion.vote(second, -1)).isEqualTo(-1);
        TestAccounts.signIn("root", "ADMIN");
        assertThat(discussion.vote(second, 1)).isZero();
        TestAccounts.signIn(author, "CITIZEN");
        assertThat(discussion.vote(second, 1)).isEqualTo(2);
        assertThat(discussion.myVotes(proposal)).containsEntry(second, 1);

        TestAccounts.anonymous();
        assertThat(discussion.thread(proposal))
                .extracting(Comment::id, Comment::depth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second, 0),
                        org.assertj.core.groups.Tuple.tuple(first, 0),
                        org.assertj.core.groups.Tuple.tuple(reply, 1));
        assertThat(proposals.find(proposal).orElseThrow().comments()).isEqualTo(3);
        TestAccounts.signIn(author, "CITIZEN");
        assertThat(notifications.mine()).anySatisfy(n -> assertThat(n.kind()).isEqualTo(Notification.Kind.REPLY));
        assertThatThrownBy(() -> discussion.comment(proposal, 999_999L, "To nothing"))
                .isInstanceOf(ProposalException.class);
    }

    @Test
    void authors_edit_and_delete_their_own_comments_and_moderators_keep_the_history() {
        TestAccounts.signIn(author, "CITIZEN");
        long mine = discussion.comment(proposal, null, "Sundays only?");
        TestAccounts.signIn(other, "CITIZEN");
        long reply = discussion.comment(proposal, mine, "Saturdays too.");
        assertThatThrownBy(() -> discussion.editComment(mine, "Rewritten by someone else"))
                .as("nobody else edits it")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussion.deleteComment(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussion.history(mine)).isInstanceOf(AccessDeniedException.class);

        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        TestAccounts.signIn(author, "CITIZEN");
        discussion.editComment(mine, "Sundays and holidays.");
        Comment edited = discussion.thread(proposal).stream()
                .filter(c -> c.id() == mine)
                .findFirst()
                .orElseThrow();
        assertThat(edited.body()).isEqualTo("Sundays and holidays.");
        assertThat(edited.editedAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
        assertThatThrownBy(() -> discussion.editComment(mine, " "))
                .isInstanceOfSatisfying(
                        ProposalException.class, e -> assertThat(e.messageKey()).isEqualTo("proposal.error.comment"));

        discussion.deleteComment(mine);
        TestAccounts.anonymous();
        List<Comment> thread = discussion.thread(proposal);
        Comment deleted =
                thread.stream().filter(c -> c.id() == mine).findFirst().orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.body()).as("no text for anyone").isNull();
        assertThat(thread)
                .as("the reply stays")
                .anySatisfy(c -> assertThat(c.id()).isEqualTo(reply));
        assertThat(proposals.find(proposal).orElseThrow().comments())
                .as("the deleted one not counted")
                .isEqualTo(1);
        TestAccounts.signIn(author, "CITIZEN");
        assertThatThrownBy(() -> discussion.editComment(mine, "Back again"))
                .isInstanceOfSatisfying(
                        ProposalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("proposal.error.comment-not-editable"));

        TestAccounts.signIn("root", "ADMIN");
        assertThat(discussion.history(mine))
                .extracting(CommentRevision::body)
                .containsExactly("Sundays only?", "Sundays and holidays.");
        assertThat(discussion.thread(proposal).stream()
                        .filter(c -> c.id() == mine)
                        .findFirst()
                        .orElseThrow()
                        .body())
                .as("a deleted text is read through the history only")
                .isNull();
    }

    @Test
    void a_citizen_comments_at_most_the_configured_number_a_minute() {
        TestAccounts.signIn(other, "CITIZEN");
        discussion.comment(proposal, null, "one");
        discussion.comment(proposal, null, "two");
        discussion.comment(proposal, null, "three");
        assertThatThrownBy(() -> discussion.comment(proposal, null, "four"))
                .isInstanceOfSatisfying(ProposalException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("proposal.error.comments-too-fast");
                    assertThat(e.arguments()).containsExactly(3);
                });
        clock.advance(Duration.ofSeconds(61));
        discussion.comment(proposal, null, "four, a minute later");
        assertThat(discussion.thread(proposal)).hasSize(4);
        TestAccounts.anonymous();
        assertThatThrownBy(() -> discussion.comment(proposal, null, "visitors cannot"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_reported_comment_is_hidden_with_a_public_reason_and_kept_for_audit() {
        TestAccounts.signIn(author, "CITIZEN");
        long rude = discussion.comment(proposal, null, "Something rude.");
        TestAccounts.signIn(other, "CITIZEN");
        moderation.report(ContentReport.Target.COMMENT, rude, "Insults another user");
        assertThatThrownBy(() -> moderation.report(ContentReport.Target.COMMENT, rude, "Again"))
                .isInstanceOf(ProposalException.class);
        assertThatThrownBy(() -> moderation.queue()).isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn("root", "ADMIN");
        assertThat(moderation.queue())
                .filteredOn(r -> r.targetId() == rude)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.excerpt()).isEqualTo("Something rude.");
                    assertThat(r.reason()).isEqualTo("Insults another user");
                    assertThat(r.authorHiddenBefore()).isZero();
                });
        moderation.hide(ContentReport.Target.COMMENT, rude, "Personal attack");
        assertThat(moderation.queue()).noneMatch(r -> r.targetId() == rude);
        assertThat(discussion.thread(proposal))
                .as("administrators still read it")
                .singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Something rude."));

        TestAccounts.anonymous();
        Comment shown = discussion.thread(proposal).get(0);
        assertThat(shown.hidden()).isTrue();
        assertThat(shown.body()).isNull();
        assertThat(shown.hiddenReason()).isEqualTo("Personal attack");
        assertThat(proposals.find(proposal).orElseThrow().comments()).isZero();
        assertThat(moderation.log()).anySatisfy(r -> {
            assertThat(r.target()).isEqualTo(ContentReport.Target.COMMENT);
            assertThat(r.targetId()).isEqualTo(rude);
            assertThat(r.proposalId()).isEqualTo(proposal);
            assertThat(r.action()).isEqualTo("HIDDEN");
            assertThat(r.reason()).isEqualTo("Personal attack");
        });

        TestAccounts.signIn("root", "ADMIN");
        moderation.restore(ContentReport.Target.COMMENT, rude, "Context showed it was a quote");
        TestAccounts.anonymous();
        assertThat(discussion.thread(proposal).get(0).body()).isEqualTo("Something rude.");
    }

    @Test
    void a_hidden_proposal_keeps_its_page_with_the_reason_and_leaves_the_lists() {
        TestAccounts.signIn(other, "CITIZEN");
        moderation.report(ContentReport.Target.PROPOSAL, proposal, "Advertising");
        TestAccounts.signIn("root", "ADMIN");
        long report = moderation.queue().stream()
                .filter(r -> r.targetId() == proposal)
                .findFirst()
                .orElseThrow()
                .id();
        moderation.hide(ContentReport.Target.PROPOSAL, proposal, "Commercial advertising");
        assertThatThrownBy(() -> moderation.dismiss(report)).isInstanceOf(ProposalException.class);

        TestAccounts.anonymous();
        Proposal p = proposals.find(proposal).orElseThrow();
        assertThat(p.hidden()).isTrue();
        assertThat(p.hiddenReason()).isEqualTo("Commercial advertising");
        assertThat(proposals.search(ProposalSearch.all(), 0, 100)).noneMatch(s -> s.id() == proposal);
        TestAccounts.signIn(other, "CITIZEN");
        assertThatThrownBy(() -> proposals.support(proposal)).isInstanceOf(ProposalException.class);
        assertThatThrownBy(() -> discussion.comment(proposal, null, "Still here?"))
                .isInstanceOf(ProposalException.class);
    }

    @Test
    void a_dismissed_report_hides_nothing() {
        TestAccounts.signIn(other, "CITIZEN");
        moderation.report(ContentReport.Target.PROPOSAL, proposal, "I disagree with it");
        TestAccounts.signIn("root", "ADMIN");
        long report = moderation.queue().stream()
                .filter(r -> r.targetId() == proposal)
                .findFirst()
                .orElseThrow()
                .id();
        moderation.dismiss(report);
        assertThat(moderation.queue()).noneMatch(r -> r.id() == report);
        TestAccounts.anonymous();
        assertThat(proposals.find(proposal).orElseThrow().hidden()).isFalse();
    }
}
