package org.openplaza.portal.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;
import org.openplaza.portal.MockUi;

/**
 * The filter boxes over the data table's columns, without a browser: what each kind of box turns
 * into a filter of the rows, a number box refusing words on itself (in English and Korean), whole
 * days for a timestamp column, and boxes filled again from a filter read from the address. (The
 * browser sorts, filters and downloads the table in CatalogIT.)
 */
@ExtendWith(MockUi.class)
class ColumnFiltersTest {

    /** The filters as the table would hold them: the last one set per column, none when emptied. */
    private final Map<String, RowRequest.Filter> filters = new LinkedHashMap<>();

    private int changes;

    private final Div table = new Div();

    private final ColumnFilters boxes = new ColumnFilters(table, this::changed);

    private void changed(String column, RowRequest.@Nullable Filter filter) {
        changes++;
        if (filter == null) {
            filters.remove(column);
        } else {
            filters.put(column, filter);
        }
    }

    private Component boxesOver(String name, ValueType type) {
        UI.getCurrent().add(table);
        Component boxes = this.boxes.filterFor(new StoreColumn(name, type, 0), "Strikes");
        table.add(boxes);
        return boxes;
    }

    private static TextField field(Component in, String id) {
        return _get(in, TextField.class, spec -> spec.withId(id));
    }

    @Test
    void a_number_range_filters_the_rows_and_words_are_refused_on_their_box() {
        Component range = boxesOver("strikes", ValueType.INTEGER);
        TextField from = field(range, "filter-strikes-from");
        TextField to = field(range, "filter-strikes-to");
        assertThat(from.getAriaLabel().orElseThrow()).isEqualTo("Filter Strikes from");

        from.setValue("1,000");
        assertThat(filters).containsEntry("strikes", new RowRequest.Range("strikes", 1000L, null));
        to.setValue("2500.5");
        assertThat(filters)
                .as("a decimal point in a whole-number column is still a bound")
                .containsEntry("strikes", new RowRequest.Range("strikes", 1000L, new BigDecimal("2500.5")));

        int before = changes;
        to.setValue("lots");
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("Enter a number.");
        assertThat(changes).as("a box in error changes nothing").isEqualTo(before);
        assertThat(filters).containsEntry("strikes", new RowRequest.Range("strikes", 1000L, new BigDecimal("2500.5")));

        to.setValue("");
        from.setValue("");
        assertThat(to.isInvalid()).isFalse();
        assertThat(filters).as("both ends emptied: no filter").isEmpty();
    }

    @Test
    void dates_of_a_timestamp_column_cover_the_whole_of_both_days() {
        Component range = boxesOver("observed", ValueType.TIMESTAMP);
        DatePicker from = _get(range, DatePicker.class, spec -> spec.withId("filter-observed-from"));
        DatePicker to = _get(range, DatePicker.class, spec -> spec.withId("filter-observed-to"));
        from.setValue(LocalDate.of(2024, 3, 1));
        to.setValue(LocalDate.of(2024, 3, 2));
        assertThat(filters)
                .containsEntry(
                        "observed",
                        new RowRequest.Range(
                                "observed",
                                LocalDate.of(2024, 3, 1).atStartOfDay(),
                                LocalDateTime.of(LocalDate.of(2024, 3, 2), LocalTime.MAX)));
    }

    @Test
    void words_and_yes_or_no_are_filters_of_their_own_kinds() {
        TextField contains = (TextField) boxesOver("area", ValueType.TEXT);
        contains.setValue("  Jurong ");
        assertThat(filters).containsEntry("area", new RowRequest.Contains("area", "Jurong"));

        @SuppressWarnings("unchecked")
        Select<String> wet = (Select<String>) boxesOver("wet", ValueType.BOOLEAN);
        assertThat(wet.getItemLabelGenerator().apply("")).isEqualTo("Any");
        wet.setValue("false");
        assertThat(filters).containsEntry("wet", new RowRequest.Equals("wet", false));
        wet.setValue("");
        assertThat(filters).doesNotContainKey("wet");
    }

    @Test
    void filters_read_from_the_address_fill_their_boxes_and_others_are_ignored() {
        Component range = boxesOver("strikes", ValueType.DECIMAL);
        TextField area = (TextField) boxesOver("area", ValueType.TEXT);
        boxes.restore(new RowRequest.Range("strikes", new BigDecimal("1E+1"), null));
        boxes.restore(new RowRequest.Contains("area", "Tampines"));
        boxes.restore(new RowRequest.Contains("no_such_column", "x"));
        assertThat(field(range, "filter-strikes-from").getValue())
                .as("written out plainly")
                .isEqualTo("10");
        assertThat(field(range, "filter-strikes-to").getValue()).isEmpty();
        assertThat(area.getValue()).isEqualTo("Tampines");
        assertThat(filters).containsOnlyKeys("strikes", "area");
    }

    @Test
    void in_korean_the_boxes_and_their_problems_speak_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        Component range = boxesOver("strikes", ValueType.INTEGER);
        TextField to = field(range, "filter-strikes-to");
        assertThat(to.getAriaLabel().orElseThrow()).startsWith("Strikes 필터");
        to.setValue("많이");
        assertThat(to.getErrorMessage()).isEqualTo("숫자를 입력하세요.");
    }
}
