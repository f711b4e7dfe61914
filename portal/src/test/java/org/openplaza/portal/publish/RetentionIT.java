package org.openplaza.portal.publish;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.RetentionRule;
import org.openplaza.catalog.ValueType;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How long a live table keeps its rows, set by its official in the workspace without a browser:
 * the rule in words beside the live version, changed in a dialog to a date column and days,
 * refused on its field when the days are not whole days within the limit, and ended again; a
 * table dropped through the API says so in its place.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class RetentionIT {

    @Autowired
    PublishingService publishing;

    @Autowired
    PushedRecords pushed;

    long dataset;
    long version;

    @BeforeEach
    void a_live_table_of_the_official() {
        MockUi.signIn("official", "OFFICIAL");
        dataset = publishing.createDataset(new DatasetMetadata(
                publishing.myOrganisations().get(0).id(),
                "Noise sensors " + System.nanoTime(),
                "Noise levels pushed by the district's sensors.",
                null,
                null,
                Set.of("ENVI"),
                List.of("noise"),
                "CC-BY-4.0",
                "UPDATE_CONT",
                null,
                null,
                "Seoul",
                "en"));
        version = pushed.create(
                dataset,
                "readings",
                List.of(
                        new PushedRecords.FieldSpec("sensor", ValueType.TEXT, "Sensor"),
                        new PushedRecords.FieldSpec("read_at", ValueType.TIMESTAMP, "Read at"),
                        new PushedRecords.FieldSpec("db", ValueType.DECIMAL, "Level (dB)")),
                List.of("sensor", "read_at"),
                List.of());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private RetentionCell cell() {
        DatasetEditorView editor = MockUi.navigate("publish/dataset/" + dataset, DatasetEditorView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Object> versions =
                _get(editor, com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("versions-grid"));
        return (RetentionCell) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(versions, 0, "retention");
    }

    @Test
    void an_official_keeps_a_live_tables_rows_for_some_days_then_keeps_them_all_again() {
        RetentionCell cell = cell();
        assertThat(cell.rule.getText()).isEqualTo("Every row");
        assertThat(cell.change.isVisible()).isTrue();

        _click(cell.change);
        @SuppressWarnings("unchecked")
        Select<String> column = _get(Select.class, spec -> spec.withId("retention-column"));
        IntegerField days = _get(IntegerField.class, spec -> spec.withId("retention-days"));
        assertThat(column.getListDataView().getItems()).containsExactly(RetentionCell.EVERY_ROW, "read_at");
        assertThat(days.isEnabled()).isFalse();
        column.setValue("read_at");
        assertThat(days.isEnabled()).isTrue();
        days.setValue(0);
        _click(_get(Button.class, spec -> spec.withId("retention-save")));
        assertThat(days.isInvalid()).isTrue();
        assertThat(days.getErrorMessage()).isEqualTo("Keep rows for 1 to 36,600 whole days.");
        assertThat(pushed.retention(version)).isEmpty();

        days.setValue(30);
        _click(_get(Button.class, spec -> spec.withId("retention-save")));
        assertThat(pushed.retention(version)).contains(new RetentionRule("read_at", 30));
        assertThat(cell.rule.getText()).isEqualTo("30 days, by read_at");
        assertThat(cell().rule.getText()).as("after a reload").isEqualTo("30 days, by read_at");

        cell = cell();
        _click(cell.change);
        @SuppressWarnings("unchecked")
        Select<String> again = _get(Select.class, spec -> spec.withId("retention-column"));
        assertThat(again.getValue()).isEqualTo("read_at");
        assertThat(_get(IntegerField.class, spec -> spec.withId("retention-days"))
                        .getValue())
                .isEqualTo(30);
        again.setValue(RetentionCell.EVERY_ROW);
        _click(_get(Button.class, spec -> spec.withId("retention-save")));
        assertThat(pushed.retention(version)).isEmpty();
        assertThat(cell.rule.getText()).isEqualTo("Every row");
    }

    @Test
    void a_table_dropped_through_the_api_says_so_in_place_of_its_rule() {
        pushed.drop(version);
        DatasetEditorView editor = MockUi.navigate("publish/dataset/" + dataset, DatasetEditorView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Object> versions =
                _get(editor, com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("versions-grid"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(versions, 0, "retention")
                        .getElement()
                        .getText())
                .isEqualTo("Table deleted through the API; datastore_create makes it again");
    }

    @Test
    void a_visitor_reads_the_rule_and_is_offered_no_change() {
        MockUi.signIn("official", "OFFICIAL");
        pushed.retain(version, "read_at", 1);
        var summary = publishing.versions(dataset).get(0);
        MockUi.signIn("citizen", "CITIZEN");
        RetentionCell cell = new RetentionCell(pushed, summary, false);
        assertThat(cell.rule.getText()).isEqualTo("1 day, by read_at");
        assertThat(cell.change.getParent()).isEmpty();
    }
}
