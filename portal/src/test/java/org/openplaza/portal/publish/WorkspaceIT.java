package org.openplaza.portal.publish;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.errors.AccessDeniedView;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The officials' workspace without a browser, by its addresses: refused to a citizen; for an
 * official, the datasets of their organisations as the service lists them, a new one started from
 * the button, and one of theirs opened with its state, the right action for it, and the import.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class WorkspaceIT {

    @Autowired
    PublishingService publishing;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_citizen_is_refused_the_workspace() {
        MockUi.signIn("citizen", "CITIZEN");
        for (String page : List.of("publish", "publish/dataset")) {
            UI.getCurrent().navigate(page);
            assertThat(_find(AccessDeniedView.class)).as(page).hasSize(1);
        }
        assertThat(_find(PublishView.class)).isEmpty();
    }

    @Test
    void an_official_finds_the_datasets_of_their_organisations_and_starts_a_new_one() {
        MockUi.signIn("official", "OFFICIAL");
        List<ManagedDataset> theirs = publishing.managedDatasets();
        assertThat(theirs).isNotEmpty();
        PublishView view = MockUi.navigate("publish", PublishView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(theirs.size());
        assertThat(GridKt._getFormattedRow(view.grid, 0).get(0))
                .isEqualTo(theirs.get(0).title());

        _click(view.create);
        DatasetEditorView editor = _get(DatasetEditorView.class);
        assertThat(_get(editor, H1.class).getText()).isEqualTo("New dataset");
        assertThat(_find(editor, ImportPanel.class))
                .as("a file comes once the dataset exists")
                .isEmpty();
    }

    @Test
    void an_official_opens_a_dataset_of_theirs_with_its_state_the_action_for_it_and_the_import() {
        MockUi.signIn("official", "OFFICIAL");
        ManagedDataset published = publishing.managedDatasets().stream()
                .filter(d -> d.state().equals("PUBLISHED"))
                .findFirst()
                .orElseThrow();
        DatasetEditorView view = MockUi.navigate("publish/dataset/" + published.id(), DatasetEditorView.class);
        assertThat(_get(view, H1.class, spec -> spec.withId("dataset-title")).getText())
                .isEqualTo(published.title());
        assertThat(_get(view, Span.class, spec -> spec.withId("dataset-state")).getText())
                .isEqualTo("Published");
        assertThat(_get(view, Button.class, spec -> spec.withId("dataset-withdraw"))
                        .isVisible())
                .isTrue();
        assertThat(_find(view, Button.class, spec -> spec.withId("dataset-publish")))
                .isEmpty();
        assertThat(_find(view, ImportPanel.class)).hasSize(1);
        assertThat(_find(view, VersionsPanel.class)).hasSize(1);
    }
}
