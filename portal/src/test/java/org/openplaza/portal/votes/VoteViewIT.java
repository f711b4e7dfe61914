package org.openplaza.portal.votes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.participationdata.Recount;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.voting.BallotService;
import org.openplaza.voting.CheckpointService;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Receipt;
import org.openplaza.voting.VoteCounting;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A vote's page without a browser, part by part: the facts of an open vote, the ballot area
 * telling a visitor and an account without the citizen role why they may not vote (in the reader's language),
 * and the receipt shown once, with the secret only where a ballot may be changed. Nothing here
 * casts a ballot.
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class VoteViewIT {

    @Autowired
    VoteService votes;

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteCounting counting;

    @Autowired
    Recount recount;

    @Autowired
    RecentSignIn recentSignIn;

    @Autowired
    CheckpointService checkpoints;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long demoVote() {
        return votes.list(VoteInfo.State.OPEN, 100).stream()
                .filter(v -> v.question().equals("Should the city introduce the congestion charge?"))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private VoteView page(long id) {
        VoteView view = new VoteView(votes, ballots, counts, counting, recount, recentSignIn, checkpoints);
        UI.getCurrent().add(view);
        view.setParameter(null, id);
        return view;
    }

    private static String text(Component in, String id) {
        return _get(in, Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void a_visitor_sees_the_votes_facts_and_turnout_and_is_asked_to_sign_in() {
        SecurityContextHolder.clearContext();
        VoteView view = page(demoVote());
        VoteFacts facts = _get(view, VoteFacts.class);
        assertThat(text(facts, "vote-eligibility")).isEqualTo("Open to citizens verified as residents.");
        assertThat(text(view, "vote-turnout")).isNotBlank();
        BallotArea area = _get(view, BallotArea.class);
        assertThat(text(area, "vote-standing")).isEqualTo("Sign in to vote.");
        assertThat(_find(area, Anchor.class).stream().map(Anchor::getHref)).containsExactly("login");
        assertThat(_find(area, Button.class, spec -> spec.withId("vote-cast"))).isEmpty();
        assertThat(_find(view, Button.class, spec -> spec.withId("vote-close")))
                .as("no official's act for a visitor")
                .isEmpty();
    }

    @Test
    void an_account_without_the_citizen_role_is_told_why_in_korean_and_given_no_ballot() {
        MockUi.signIn("official", "OFFICIAL");
        UI.getCurrent().setLocale(Locale.KOREAN);
        BallotArea area = _get(page(demoVote()), BallotArea.class);
        assertThat(text(area, "vote-standing")).isEqualTo("시민만 투표할 수 있습니다. 이 계정에는 시민 역할이 없습니다.");
        assertThat(_find(area, Button.class)).isEmpty();
    }

    @Test
    void the_receipt_shows_the_secret_only_where_a_ballot_may_be_changed() {
        ReceiptBox plain = new ReceiptBox(new Receipt("K7QX-2M9P-TR4D", null), "A question?", 7);
        UI.getCurrent().add(plain);
        assertThat(_get(plain, Span.class, spec -> spec.withId("vote-receipt")).getText())
                .isEqualTo("K7QX-2M9P-TR4D");
        assertThat(_find(plain, Span.class, spec -> spec.withId("vote-secret"))).isEmpty();
        assertThat(text(plain, "vote-receipt-once"))
                .startsWith("This is the only time the portal shows your receipt code:");

        ReceiptBox changeable = new ReceiptBox(new Receipt("K7QX-2M9P-TR4D", "s3cret-words"), "A question?", 7);
        UI.getCurrent().add(changeable);
        assertThat(_get(changeable, Span.class, spec -> spec.withId("vote-secret"))
                        .getText())
                .isEqualTo("s3cret-words");
        assertThat(text(changeable, "vote-receipt-once")).contains("your receipt code and your secret");
        assertThat(List.of("vote-receipt-copy", "vote-receipt-print", "vote-receipt-download"))
                .allSatisfy(id -> assertThat(_find(changeable, Button.class, spec -> spec.withId(id)))
                        .hasSize(1));
    }
}
