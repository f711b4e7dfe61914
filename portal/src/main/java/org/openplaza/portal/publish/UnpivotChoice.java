package org.openplaza.portal.publish;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.Unpivot;

/**
 * Offered when a file has columns headed by years or periods: turn them into rows, one per period,
 * under a period column and a value column the official names.
 */
final class UnpivotChoice extends VerticalLayout {

    final Checkbox turn = new Checkbox();
    final TextField periodLabel = new TextField();
    final TextField valueLabel = new TextField();

    UnpivotChoice(Runnable changed) {
        turn.setId("import-unpivot");
        turn.addValueChangeListener(e -> {
            periodLabel.setEnabled(e.getValue());
            valueLabel.setEnabled(e.getValue());
            changed.run();
        });
        periodLabel.setId("import-unpivot-period");
        periodLabel.setLabel(getTranslation("import.unpivot.period"));
        periodLabel.setValue(getTranslation("import.unpivot.period.default"));
        periodLabel.setEnabled(false);
        periodLabel.addValueChangeListener(e -> changed.run());
        valueLabel.setId("import-unpivot-value");
        valueLabel.setLabel(getTranslation("import.unpivot.value"));
        valueLabel.setValue(getTranslation("import.unpivot.value.default"));
        valueLabel.setEnabled(false);
        valueLabel.addValueChangeListener(e -> changed.run());
        HorizontalLayout labels = new HorizontalLayout(periodLabel, valueLabel);
        labels.setWrap(true);
        add(turn, labels);
        setPadding(false);
        setVisible(false);
    }

    /** Offers to turn the columns headed by years or periods into rows, when the file has them. */
    void offer(CsvAnalysis result) {
        List<Integer> periods = Unpivot.periodFields(result);
        setVisible(!periods.isEmpty());
        turn.setValue(false);
        if (!periods.isEmpty()) {
            turn.setLabel(getTranslation(
                    "import.unpivot",
                    periods.size(),
                    result.columns().get(periods.get(0)).label(),
                    result.columns().get(periods.get(periods.size() - 1)).label()));
        }
    }

    /** The plan, its period columns turned into rows when the official chose so. */
    ImportPlan applyTo(ImportPlan plan, CsvAnalysis analysis) {
        List<Integer> periods = Unpivot.periodFields(analysis);
        if (!turn.getValue() || periods.isEmpty()) {
            return plan;
        }
        return plan.unpivoting(new Unpivot(
                periods,
                orDefault(periodLabel.getValue(), "import.unpivot.period.default"),
                orDefault(valueLabel.getValue(), "import.unpivot.value.default")));
    }

    private String orDefault(String label, String defaultKey) {
        return label.isBlank() ? getTranslation(defaultKey) : label.strip();
    }
}
