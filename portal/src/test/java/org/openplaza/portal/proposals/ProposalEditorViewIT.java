package org.openplaza.portal.proposals;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.ProposalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The proposal editor's logic without a browser: who writes in whose name (a citizen for
 * themselves, an official for an organisation or, being a citizen too, for themselves), the
 * preview of the Markdown with anything harmful removed, and a refusal on its field in the
 * reader's language. Nothing here saves a proposal.
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class ProposalEditorViewIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    PublishingService publishing;

    @Autowired
    CatalogService catalog;

    @Autowired
    VisualisationService visualisations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ProposalEditorView newProposal() {
        ProposalEditorView view = new ProposalEditorView(proposals, publishing, catalog, visualisations);
        UI.getCurrent().add(view);
        view.setParameter(null, null);
        return view;
    }

    private static String intro(ProposalEditorView view) {
        return _find(view, Paragraph.class).get(0).getText();
    }

    @Test
    void a_citizen_writes_for_themselves_and_an_official_chooses_an_organisation_or_themselves() {
        MockUi.signIn("citizen", "CITIZEN");
        ProposalEditorView citizens = newProposal();
        assertThat(_find(citizens, Select.class, spec -> spec.withId("proposal-organisation")))
                .as("no organisation to choose")
                .isEmpty();
        assertThat(intro(citizens)).startsWith("Your proposal is saved as a draft that only you see.");

        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        ProposalEditorView officials = newProposal();
        @SuppressWarnings("unchecked")
        Select<Optional<Organisation>> organisation =
                _get(officials, Select.class, spec -> spec.withId("proposal-organisation"));
        var choices = organisation.getListDataView().getItems().toList();
        assertThat(choices)
                .last()
                .as("a citizen too, so also in their own name")
                .isEqualTo(Optional.empty());
        assertThat(choices.subList(0, choices.size() - 1))
                .extracting(o -> o.orElseThrow().id())
                .containsExactlyElementsOf(publishing.myOrganisations().stream()
                        .map(Organisation::id)
                        .toList());
        assertThat(organisation.getValue()).as("the first organisation, shown").isEqualTo(choices.get(0));
        assertThat(organisation.getItemLabelGenerator().apply(Optional.empty()))
                .isEqualTo("Nobody: a citizen proposal of my own");
        assertThat(intro(officials)).startsWith("Choose the organisation");
    }

    @Test
    void the_preview_shows_the_markdown_without_anything_harmful_and_a_refusal_lands_on_its_field() {
        MockUi.signIn("citizen", "CITIZEN");
        ProposalEditorView view = newProposal();
        _get(view, TextArea.class, spec -> spec.withId("proposal-body-field"))
                .setValue("More **shade** on the river walk.\n\n<script>alert('x')</script>"
                        + "<img src=x onerror=alert(1)>\n\n[a link](javascript:alert(2))");
        String preview = _get(view, Div.class, spec -> spec.withId("proposal-preview"))
                .getChildren()
                .map(c -> ((Html) c).getInnerHtml())
                .reduce("", String::concat);
        assertThat(preview).contains("<strong>shade</strong>");
        assertThat(preview.toLowerCase(Locale.ROOT))
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("href=\"javascript");
        assertThat(preview).contains("a link");

        UI.getCurrent().setLocale(Locale.KOREAN);
        ProposalEditorView korean = newProposal();
        TextField title = _get(korean, TextField.class, spec -> spec.withId("proposal-title"));
        title.setValue("짧음");
        LocatorJ._click(_get(korean, Button.class, spec -> spec.withId("proposal-save")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("제목을 5~200자로 입력하세요.");
    }
}
