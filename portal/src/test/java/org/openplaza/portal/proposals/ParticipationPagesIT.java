package org.openplaza.portal.proposals;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.account.LoginView;
import org.openplaza.portal.errors.AccessDeniedView;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.NotificationService;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The participation pages without a browser, through the router: a reply to a citizen's comment
 * reaches her notifications, marked new until she marks it read; the officials' queue refused to a
 * citizen and counted for an official; the public moderation log listing every action.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class ParticipationPagesIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    DiscussionService discussion;

    @Autowired
    NotificationService notifications;

    @Autowired
    ModerationService moderation;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_reply_to_a_citizens_comment_is_in_her_notifications_until_she_marks_it_read() {
        UI.getCurrent().navigate("notifications");
        assertThat(_find(LoginView.class)).hasSize(1);

        long proposal = proposals.search(ProposalSearch.all(), 0, 1).get(0).id();
        MockUi.signIn("citizen", "CITIZEN");
        long comment = discussion.comment(proposal, null, "Could the plan cover the river path too?");
        MockUi.signIn("official", "OFFICIAL");
        discussion.comment(proposal, comment, "It will: the second phase covers it.");

        MockUi.signIn("citizen", "CITIZEN");
        int unread = notifications.unread();
        assertThat(unread).isPositive();
        NotificationsView view = MockUi.navigate("notifications", NotificationsView.class);
        UnorderedList list = _get(view, UnorderedList.class, spec -> spec.withId("notifications-list"));
        assertThat(_find(list, ListItem.class)).hasSize(notifications.mine().size());
        assertThat(_find(list, ListItem.class).get(0).getElement().getTextRecursively())
                .startsWith("New ")
                .contains("A reply to your comment on");
        _click(_get(view, Button.class, spec -> spec.withId("notifications-mark-read")));
        assertThat(notifications.unread()).isZero();
    }

    @Test
    void the_officials_queue_is_refused_to_a_citizen_and_counts_the_waiting_proposals_for_an_official() {
        MockUi.signIn("citizen", "CITIZEN");
        UI.getCurrent().navigate("proposals/queue");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);

        MockUi.signIn("official", "OFFICIAL");
        QueueView queue = MockUi.navigate("proposals/queue", QueueView.class);
        int waiting = proposals.dashboard().waiting().size();
        assertThat(GridKt._size(queue.grid)).isEqualTo(waiting);
        assertThat(_get(queue, Paragraph.class, spec -> spec.withId("queue-count"))
                        .getText())
                .isEqualTo(
                        waiting == 0
                                ? "No proposal is waiting"
                                : waiting == 1 ? "One proposal is waiting" : waiting + " proposals are waiting");

        // the city's data beside participation
        assertThat(_get(queue, Paragraph.class, spec -> spec.withId("queue-overdue"))
                        .getText())
                .endsWith("a qualified proposal is answered within 30 days.");
        var votes = _get(
                queue,
                com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("queue-votes"));
        assertThat(votes.getElement().getTextRecursively())
                .contains("Should the city introduce the congestion charge?")
                .containsPattern("open until .*, (nobody has voted yet|\\d+ citizens? ha(s|ve) voted so far)")
                .doesNotContain("%");
        assertThat(_find(
                        queue,
                        com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                        spec -> spec.withId("queue-trending")))
                .hasSize(1);
        assertThat(_find(queue, org.openplaza.portal.dashboards.DashboardGrid.class))
                .as("the city at a glance")
                .hasSize(1);
    }

    @Test
    void the_moderation_log_is_public_and_lists_every_action() {
        ModerationLogView log = MockUi.navigate("moderation", ModerationLogView.class);
        assertThat(GridKt._size(log.grid)).isEqualTo(moderation.log().size());
    }
}
