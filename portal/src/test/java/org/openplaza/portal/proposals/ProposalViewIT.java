package org.openplaza.portal.proposals;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A proposal's page without a browser, part by part: the supports against the threshold and who
 * is offered the button, the evidence drawn from the open data, the discussion's box and a refused
 * comment on its field in the reader's language, and what an official of the proposing
 * organisation may do next. Nothing here is saved: refusals and dialogs only.
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class ProposalViewIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    DiscussionService discussion;

    @Autowired
    ModerationService moderation;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DatasetReader datasets;

    @Autowired
    VoteService votes;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long demo(String title) {
        return proposals.search(ProposalSearch.all(), 0, 200).stream()
                .filter(p -> p.title().equals(title))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private ProposalView page(long id) {
        ProposalView view = new ProposalView(proposals, discussion, moderation, visualisations, datasets, clock, votes);
        UI.getCurrent().add(view);
        view.setParameter(null, id);
        return view;
    }

    private static <T extends Component> List<T> byId(Component in, Class<T> type, String id) {
        return _find(in, type, spec -> spec.withId(id));
    }

    @Test
    void a_visitor_sees_supports_evidence_and_discussion_and_is_asked_to_sign_in_to_take_part() {
        SecurityContextHolder.clearContext();
        ProposalView view = page(demo("Rain gardens to stop street flooding"));
        SupportPanel support = _get(view, SupportPanel.class);
        String supports = _get(support, Paragraph.class, spec -> spec.withId("proposal-supports"))
                .getText();
        assertThat(supports).matches("\\d+ of \\d+ supports.*");
        assertThat(byId(support, Anchor.class, "proposal-support-sign-in")).hasSize(1);
        assertThat(byId(support, Button.class, "proposal-support-button")).isEmpty();

        EvidencePanel evidence = _get(view, EvidencePanel.class);
        assertThat(_find(evidence, EChart.class))
                .as("the rainfall chart, drawn now")
                .hasSize(1);

        ProposalDiscussion comments = _get(view, ProposalDiscussion.class);
        assertThat(_find(comments, Anchor.class).stream().map(Anchor::getHref)).contains("login");
        assertThat(byId(comments, TextArea.class, "comment-text")).isEmpty();
        assertThat(_find(view, OfficialActions.class))
                .as("nothing an anonymous reader may do")
                .isEmpty();
    }

    @Test
    void a_citizen_is_offered_support_and_a_comment_box_and_an_empty_comment_is_refused_in_korean() {
        MockUi.signIn("newcomer", "CITIZEN");
        UI.getCurrent().setLocale(Locale.KOREAN);
        long id = demo("Libraries open until 10 pm in exam season");
        ProposalView view = page(id);
        SupportPanel support = _get(view, SupportPanel.class);
        assertThat(_find(support, Button.class).stream().map(b -> b.getId().orElse("")))
                .as("support, or withdraw where another test supported it")
                .containsAnyOf("proposal-support-button", "proposal-withdraw")
                .hasSize(1);
        ProposalDiscussion comments = _get(view, ProposalDiscussion.class);
        TextArea text = _get(comments, TextArea.class, spec -> spec.withId("comment-text"));
        text.setValue("   ");
        _click(_get(comments, Button.class, spec -> spec.withId("comment-post")));
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage())
                .isNotBlank()
                .doesNotContain("proposal.")
                .matches(".*[가-힣].*");
        assertThat(discussion.thread(id))
                .as("nothing posted")
                .noneMatch(c -> c.body() != null && c.body().isBlank());
    }

    @Test
    void an_official_of_the_organisation_is_offered_the_next_steps_and_a_citizen_is_not() {
        long id = demo("A congestion charge for the city centre");
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        Proposal scheduled = proposals.find(id).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(ProposalStatus.SCHEDULED);
        List<VoteInfo> held = votes.forProposal(id);
        assertThat(held).as("the demo vote stands").isNotEmpty();

        OfficialActions withVote = new OfficialActions(proposals, scheduled, held, () -> {});
        UI.getCurrent().add(withVote);
        assertThat(withVote.isVisible())
                .as("no new vote nor result while a vote stands")
                .isFalse();

        OfficialActions withoutVote = new OfficialActions(proposals, scheduled, List.of(), () -> {});
        UI.getCurrent().add(withoutVote);
        assertThat(withoutVote.isVisible()).isTrue();
        assertThat(byId(withoutVote, Button.class, "proposal-open-vote")).hasSize(1);
        _click(_get(withoutVote, Button.class, spec -> spec.withId("proposal-result")));
        RadioButtonGroup<?> adopted = _get(RadioButtonGroup.class, spec -> spec.withId("proposal-result-choice"));
        assertThat(adopted.getValue()).isEqualTo(true);

        MockUi.signIn("citizen", "CITIZEN");
        OfficialActions citizens = new OfficialActions(proposals, scheduled, List.of(), () -> {});
        UI.getCurrent().add(citizens);
        assertThat(citizens.isVisible()).isFalse();
        assertThat(citizens.getComponentCount()).isZero();
    }
}
