package org.openplaza.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;

/** An aggregation of a column (or of the rows, for counts): one line or bar group of the chart. */
final class MeasureRow extends HorizontalLayout {
    final Select<Aggregation> aggregation = new Select<>();
    final Select<Optional<DatasetColumn>> column = new Select<>();

    MeasureRow(int index, List<DatasetColumn> columns, Runnable changed, Consumer<MeasureRow> onRemove) {
        String suffix = index == 0 ? "" : "-" + (index + 1);
        aggregation.setId("chart-aggregation" + suffix);
        aggregation.setLabel(getTranslation("chart.aggregation"));
        aggregation.setItems(Aggregation.values());
        aggregation.setItemLabelGenerator(a -> getTranslation("chart.aggregation." + a.name()));
        aggregation.setValue(Aggregation.COUNT);
        column.setId("chart-measure" + suffix);
        column.setLabel(getTranslation("chart.measure"));
        List<Optional<DatasetColumn>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        columns.forEach(c -> choices.add(Optional.of(c)));
        column.setItems(choices);
        column.setItemLabelGenerator(c -> c.map(DatasetColumn::label).orElse(getTranslation("chart.rows")));
        column.setValue(Optional.empty());
        aggregation.addValueChangeListener(e -> changed.run());
        column.addValueChangeListener(e -> changed.run());
        add(aggregation, column);
        if (index > 0) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> onRemove.accept(this));
            remove.setId("chart-measure-remove" + suffix);
            remove.setAriaLabel(getTranslation("chart.measure.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(remove);
        }
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    GroupRequest.Measure measure() {
        return new GroupRequest.Measure(
                column.getValue() == null
                        ? null
                        : column.getValue().map(DatasetColumn::name).orElse(null),
                aggregation.getValue() == null ? Aggregation.COUNT : aggregation.getValue());
    }
}
