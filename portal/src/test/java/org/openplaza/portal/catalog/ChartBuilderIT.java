package org.openplaza.portal.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The chart builder without a browser, part by part: the rows of measures (at most four) and of
 * filters (the second field only for a range; a value that does not fit its column is a problem
 * in the reader's language, and the chart comes back when it is mended), and how a chart is kept:
 * a visitor is asked to sign in, a citizen may save it. Nothing here saves a chart.
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class ChartBuilderIT {

    @Autowired
    DatasetReader reader;

    @Autowired
    VisualisationService visualisations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long rainfall() {
        return reader.publishedSlugs(0, 500).stream()
                .filter(slug -> slug.contains("rainfall"))
                .map(slug -> reader.bySlug(slug).orElseThrow().id())
                .findFirst()
                .orElseThrow();
    }

    private ChartBuilder builder(long dataset) {
        ChartBuilder builder = new ChartBuilder(reader, visualisations, dataset, null, null);
        UI.getCurrent().add(builder);
        return builder;
    }

    private static Paragraph problem(ChartBuilder builder) {
        // shown or not, a direct child of the builder (Karibu's locators see only shown ones)
        return builder.getChildren()
                .filter(c -> c.getId().orElse("").equals("chart-problem"))
                .map(Paragraph.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void measures_come_four_at_most_and_a_visitor_is_asked_to_sign_in_to_save() {
        SecurityContextHolder.clearContext();
        ChartBuilder builder = builder(rainfall());
        assertThat(_find(builder, Paragraph.class, spec -> spec.withId("chart-problem")))
                .isEmpty();
        Button add = _get(builder, Button.class, spec -> spec.withId("chart-measure-add"));
        for (int i = 0; i < 3; i++) {
            _click(add);
        }
        assertThat(_find(builder, MeasureRow.class)).hasSize(ChartBuilder.MAX_MEASURES);
        assertThat(add.isVisible()).isFalse();
        _click(_get(builder, Button.class, spec -> spec.withId("chart-measure-remove-4")));
        assertThat(_find(builder, MeasureRow.class)).hasSize(3);
        assertThat(add.isVisible()).isTrue();

        ChartSaving saving = _get(builder, ChartSaving.class);
        assertThat(_get(saving, Anchor.class, spec -> spec.withId("chart-sign-in"))
                        .getText())
                .isEqualTo("Sign in to save this chart and share it");
        assertThat(_find(saving, Button.class)).isEmpty();
    }

    @Test
    void a_filter_value_that_does_not_fit_its_column_is_a_problem_in_korean_until_mended() {
        MockUi.signIn("citizen", "CITIZEN");
        UI.getCurrent().setLocale(Locale.KOREAN);
        long dataset = rainfall();
        DatasetColumn number = reader.columns(dataset).stream()
                .filter(c -> c.type() == ValueType.DECIMAL || c.type() == ValueType.INTEGER)
                .findFirst()
                .orElseThrow();
        ChartBuilder builder = builder(dataset);
        _click(_get(builder, Button.class, spec -> spec.withId("chart-filter-add")));
        FilterRow row = _get(builder, FilterRow.class);
        row.column.setValue(number);
        TextField to = row.to;
        assertThat(to.getId()).hasValue("chart-filter-to-1");
        assertThat(to.isVisible()).isFalse();
        row.kind.setValue(FilterRow.FilterKind.BETWEEN);
        assertThat(to.isVisible()).as("a range has an end").isTrue();

        row.kind.setValue(FilterRow.FilterKind.EQUALS);
        row.value.setValue("a lot");
        assertThat(problem(builder).isVisible()).isTrue();
        assertThat(problem(builder).getText()).startsWith(number.label() + "에 대한 필터가 값의 형식(");

        row.value.setValue("100");
        assertThat(problem(builder).isVisible()).as("mended, drawn again").isFalse();
        assertThat(_find(builder.getChildren().findFirst().orElseThrow(), Button.class))
                .isEmpty();
        assertThat(_get(_get(builder, ChartSaving.class), Button.class, spec -> spec.withId("chart-save"))
                        .isVisible())
                .isTrue();
    }
}
