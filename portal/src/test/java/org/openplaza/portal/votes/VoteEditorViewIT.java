package org.openplaza.portal.votes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.ProposalService;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The vote editor's logic without a browser: the fields each counting method uses, its options
 * as the method wants them written, and refusals shown on the field at fault, in English and
 * Korean. Nothing here opens a vote.
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class VoteEditorViewIT {

    @Autowired
    VoteService votes;

    @Autowired
    ProposalService proposals;

    @Autowired
    RecentSignIn recentSignIn;

    @Autowired
    Clock clock;

    @BeforeEach
    void anOfficialWhoSignedInJustNow() {
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        VaadinSession.getCurrent().getSession().setAttribute(RecentSignIn.ATTRIBUTE, clock.instant());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private VoteEditorView editor() {
        VoteEditorView view = new VoteEditorView(votes, proposals, clock, recentSignIn);
        UI.getCurrent().add(view);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Select<Method> method(VoteEditorView view) {
        return _get(view, Select.class, spec -> spec.withId("vote-method"));
    }

    private static TextArea options(VoteEditorView view) {
        return _get(view, TextArea.class, spec -> spec.withId("vote-options"));
    }

    /** Whether the field with this id is shown (Karibu finds only what is shown). */
    private static boolean shown(VoteEditorView view, String id) {
        return !LocatorJ._find(view, com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .isEmpty();
    }

    @Test
    void each_method_shows_the_fields_it_uses() {
        VoteEditorView view = editor();
        assertThat(options(view).getValue()).isEqualTo("Yes\nNo\nAbstain");
        assertThat(options(view).isReadOnly())
                .as("a yes/no vote's options are fixed")
                .isTrue();
        assertThat(shown(view, "vote-max-choices")).isFalse();
        assertThat(shown(view, "vote-budget")).isFalse();
        assertThat(shown(view, "vote-threshold")).isTrue();

        method(view).setValue(Method.APPROVAL);
        assertThat(shown(view, "vote-max-choices")).isTrue();
        assertThat(options(view).isReadOnly()).isFalse();
        assertThat(options(view).getValue()).as("the fixed options make way").isEmpty();

        method(view).setValue(Method.BUDGET);
        assertThat(shown(view, "vote-budget")).isTrue();
        assertThat(shown(view, "vote-threshold"))
                .as("a budget is shared, not carried")
                .isFalse();
        assertThat(options(view).getHelperText()).contains("New benches | 12000");
    }

    @Test
    void a_refusal_is_shown_on_the_field_at_fault_in_the_readers_language() {
        VoteEditorView view = editor();
        method(view).setValue(Method.BUDGET);
        options(view).setValue("New benches | lots\nA shaded playground | 40000");
        _get(view, TextField.class, spec -> spec.withId("vote-budget")).setValue("50000");
        _get(view, TextArea.class, spec -> spec.withId("vote-question")).setValue("Which projects?");
        LocatorJ._click(_get(view, Button.class, spec -> spec.withId("vote-open")));
        assertThat(options(view).isInvalid()).isTrue();
        assertThat(options(view).getErrorMessage()).startsWith("A budget vote needs a budget");

        UI.getCurrent().setLocale(Locale.KOREAN);
        VoteEditorView korean = editor();
        assertThat(method(korean).getItemLabelGenerator().apply(Method.APPROVAL))
                .startsWith("승인 투표");
        TextArea question = _get(korean, TextArea.class, spec -> spec.withId("vote-question"));
        question.setValue("");
        LocatorJ._click(_get(korean, Button.class, spec -> spec.withId("vote-open")));
        assertThat(question.isInvalid()).isTrue();
        assertThat(question.getErrorMessage()).isEqualTo("질문을 500자 이내로 쓰세요.");
        assertThat(votes.search("Which projects", 100))
                .as("nothing was opened")
                .extracting(org.openplaza.voting.VoteInfo::question)
                .doesNotContain("Which projects?");
    }
}
