package org.openplaza.portal.publish;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.ValueType;

/**
 * The columns of a file being imported, one row each, as the official sets them: label, name in
 * the data, type, the year a yearless date lacks, the empty cells found, and a description.
 */
class ColumnsGrid extends Grid<ColumnChoice> {

    private final Consumer<ColumnChoice> relabelled;
    private final Runnable retyped;

    /**
     * @param relabelled told of a column's new label, to show it over the preview at once
     * @param retyped told when a column's type or year changed, to show the preview again
     */
    ColumnsGrid(Consumer<ColumnChoice> relabelled, Runnable retyped) {
        this.relabelled = relabelled;
        this.retyped = retyped;
        setId("import-columns");
        addComponentColumn(this::labelBox)
                .setHeader(getTranslation("import.column.label"))
                .setWidth("18em")
                .setFlexGrow(2);
        addComponentColumn(this::nameBox)
                .setHeader(getTranslation("import.column.name"))
                .setWidth("14em")
                .setFlexGrow(1);
        addComponentColumn(this::typeBox)
                .setHeader(getTranslation("import.column.type"))
                .setWidth("12em")
                .setFlexGrow(0);
        addComponentColumn(this::yearBox).setHeader(getTranslation("import.column.year"));
        addColumn(c -> nullsText(c.detected))
                .setHeader(getTranslation("import.column.nulls"))
                .setWidth("10em")
                .setFlexGrow(0);
        addComponentColumn(this::descriptionBox)
                .setHeader(getTranslation("import.column.description"))
                .setWidth("18em")
                .setFlexGrow(2);
        setAllRowsVisible(true);
    }

    /** The label readers see over the column. */
    private TextField labelBox(ColumnChoice c) {
        TextField label = new TextField();
        label.setValue(c.label);
        label.setId("import-label-" + c.detected.index());
        label.setAriaLabel(getTranslation("import.column.label") + " " + (c.detected.index() + 1));
        label.addValueChangeListener(e -> setLabel(c, e.getValue()));
        label.setWidthFull();
        return label;
    }

    /** The column's name in the data, marked when the store cannot take it. */
    private TextField nameBox(ColumnChoice c) {
        TextField name = new TextField();
        name.setValue(c.name);
        name.setId("import-name-" + c.detected.index());
        name.setAriaLabel(getTranslation("import.column.name") + " " + (c.detected.index() + 1));
        name.setErrorMessage(getTranslation("import.column.name.invalid"));
        name.addValueChangeListener(e -> name.setInvalid(!rename(c, e.getValue())));
        name.setWidthFull();
        return name;
    }

    /** The column's type. */
    private Select<ValueType> typeBox(ColumnChoice c) {
        Select<ValueType> type = new Select<>();
        type.setItems(ValueType.values());
        type.setItemLabelGenerator(t -> getTranslation("type." + t.name()));
        type.setValue(c.type);
        type.setAriaLabel(getTranslation("import.column.type") + " " + c.label);
        type.setId("import-type-" + c.detected.index());
        type.setWidthFull();
        type.addValueChangeListener(e -> {
            c.type = e.getValue();
            retyped.run();
        });
        return type;
    }

    /** The year a date without one lacks; only for such columns. */
    private com.vaadin.flow.component.Component yearBox(ColumnChoice c) {
        if (!c.yearless()) {
            return new Span();
        }
        IntegerField year = new IntegerField();
        year.setId("import-year-" + c.detected.index());
        year.setAriaLabel(getTranslation("import.column.year") + " " + c.label);
        year.setHelperText(getTranslation("import.column.year.help"));
        year.setMin(1800);
        year.setMax(2200);
        if (c.year != null) {
            year.setValue(c.year);
        }
        year.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            c.year = e.getValue();
            c.type = e.getValue() == null ? ValueType.TEXT : ValueType.DATE;
            getDataProvider().refreshItem(c);
            retyped.run();
        });
        return year;
    }

    /** What the column holds, in a sentence. */
    private TextField descriptionBox(ColumnChoice c) {
        TextField description = new TextField();
        description.setAriaLabel(getTranslation("import.column.description") + " " + c.label);
        description.addValueChangeListener(e -> c.description = e.getValue());
        description.setWidthFull();
        return description;
    }

    /** A new label for a column, shown at once over its preview. */
    void setLabel(ColumnChoice choice, String label) {
        choice.label = label;
        relabelled.accept(choice);
    }

    /** A new name for a column in the data; false when the store cannot take it as it is. */
    static boolean rename(ColumnChoice choice, String name) {
        choice.name = name.strip();
        return org.openplaza.catalog.ImportPlan.isValidColumnName(choice.name);
    }

    /** "14 (. 12, - 2)": empty cells, with the statistical office's markers among them. */
    String nullsText(ColumnAnalysis column) {
        String count = String.format(getLocale(), "%,d", column.nulls());
        if (column.nullMarkers().isEmpty()) {
            return count;
        }
        return count + " ("
                + column.nullMarkers().entrySet().stream()
                        .map(m -> m.getKey() + " " + String.format(getLocale(), "%,d", m.getValue()))
                        .collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }
}
