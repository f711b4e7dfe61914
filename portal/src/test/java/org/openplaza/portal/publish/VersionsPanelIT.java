package org.openplaza.portal.publish;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.VersionSummary;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Deleting a version in the officials' workspace, without a browser: asked first, then gone, and the last one kept. */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class VersionsPanelIT {

    @Autowired
    PublishingService publishing;

    @Autowired
    org.openplaza.catalog.ScheduledSources sources;

    @Autowired
    org.openplaza.catalog.PushedRecords pushed;

    @Autowired
    ImportExecutor executor;

    @Autowired
    RecentSignIn recentSignIn;

    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    @BeforeEach
    void anOfficialWhoSignedInJustNow() {
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        VaadinSession.getCurrent().getSession().setAttribute(RecentSignIn.ATTRIBUTE, clock.instant());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void importCsv(long dataset, String name, String csv) throws Exception {
        Path file = Files.writeString(dir.resolve(name), csv);
        publishing.importVersion(
                dataset,
                file,
                name,
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
    }

    private DatasetEditorView editorOf(long dataset) {
        DatasetEditorView view = new DatasetEditorView(publishing, executor, recentSignIn, sources, pushed);
        UI.getCurrent().add(view);
        view.setParameter(null, dataset);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.grid.Grid<VersionSummary> history(com.vaadin.flow.component.Component in) {
        return _get(in, com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("versions-grid"));
    }

    /** The delete button in a row of the history (newest first), checked to be the version's. */
    private static Button deleteButton(DatasetEditorView view, int row, int number) {
        Button button =
                (Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(history(view), row, "delete");
        assertThat(button.getId()).hasValue("version-delete-" + number);
        return button;
    }

    @Test
    void a_version_is_deleted_once_confirmed_and_a_published_datasets_last_one_is_kept() throws Exception {
        long dataset = org.openplaza.portal.testdata.Drafts.ofTheWeatherService(
                publishing, "Lightning strikes, with a mistaken version");
        importCsv(dataset, "strikes.csv", "area,strikes\nJurong,3\nTampines,5\n");
        importCsv(dataset, "strikes-wrong.csv", "area,strikes,reporter_phone\nJurong,3,+65 5550 1234\n");
        publishing.publish(dataset);
        DatasetEditorView view = editorOf(dataset);

        LocatorJ._click(deleteButton(view, 0, 2));
        assertThat(publishing.versions(dataset)).as("asked first").hasSize(2);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("version-delete-confirm")));
        assertThat(publishing.versions(dataset))
                .extracting(VersionSummary::number)
                .containsExactly(1);
        assertThat(history(view).getGenericDataView().getItems().map(VersionSummary::number))
                .as("the history shown again")
                .containsExactly(1);

        LocatorJ._click(deleteButton(view, 0, 1));
        LocatorJ._click(_get(Button.class, spec -> spec.withId("version-delete-confirm")));
        assertThat(publishing.versions(dataset))
                .as("a published dataset keeps one version")
                .hasSize(1);

        assertThat(history(new VersionsPanel(dataset, publishing.versions(dataset)))
                        .getColumnByKey("delete"))
                .as("the public history has no delete button")
                .isNull();
        publishing.withdraw(dataset);
    }
}
