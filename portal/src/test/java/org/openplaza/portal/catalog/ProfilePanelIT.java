package org.openplaza.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.portal.testdata.RealDatasets;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A dataset page's column profile (without a browser) tells which marks a statistical office's
 * file used for missing values, beside the count of empty cells.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.openplaza.portal.MockUi.class)
@RunningPortal
class ProfilePanelIT {

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @BeforeEach
    void signInAsTheDemoOfficial() {
        org.openplaza.portal.MockUi.signIn("official", "OFFICIAL", "CITIZEN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long destatisPrices() throws Exception {
        long organisation = publishing.myOrganisations().get(0).id();
        long dataset = publishing.createDataset(new DatasetMetadata(
                organisation,
                "Consumer price index, Germany",
                "Monthly consumer price index with changes on the year and on the month.",
                null,
                null,
                Set.of("ECON"),
                List.of("prices"),
                "CC-BY-4.0",
                "MONTHLY",
                null,
                null,
                "Germany",
                "de"));
        var file = RealDatasets.file("de_destatis_cpi_61111-0002_latin1.csv");
        publishing.importVersion(
                dataset,
                file,
                "61111-0002.csv",
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
        return dataset;
    }

    private static String figures(ProfilePanel panel, String column) {
        Div card = LocatorJ._get(panel, Div.class, spec -> spec.withId("profile-" + column));
        return LocatorJ._find(card, Paragraph.class).stream()
                .map(Paragraph::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void the_marks_for_missing_values_are_shown_beside_the_empty_cells() throws Exception {
        long dataset = destatisPrices();
        String change = publishing.columns(dataset).get(3).name();
        ProfilePanel panel = new ProfilePanel(reader, dataset);
        UI.getCurrent().add(panel);
        assertThat(figures(panel, change)).contains("14 empty (marked in the file as “-” 2, “.” 12)");

        UI.getCurrent().setLocale(Locale.KOREAN);
        ProfilePanel korean = new ProfilePanel(reader, dataset);
        UI.getCurrent().add(korean);
        assertThat(figures(korean, change)).contains("빈 값 14개 (파일의 표시: “-” 2, “.” 12)");
    }
}
