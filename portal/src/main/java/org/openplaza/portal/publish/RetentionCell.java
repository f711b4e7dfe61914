package org.openplaza.portal.publish;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.RetentionRule;
import org.openplaza.catalog.VersionSummary;

/**
 * How long a live version keeps its rows, in words ("90 days, by read_at", or every row); for its
 * publishers, a button that changes the rule in a dialog: a date or time column and whole days,
 * or every row kept. The service checks the caller's right and the rule; a refusal shows on the
 * field it is about.
 */
public class RetentionCell extends HorizontalLayout {

    /** The choice of keeping every row, beside the columns a rule may go by. */
    static final String EVERY_ROW = "";

    final Span rule = new Span();
    final Button change = new Button();

    private final PushedRecords pushed;
    private final VersionSummary version;

    public RetentionCell(PushedRecords pushed, VersionSummary version, boolean mayChange) {
        this.pushed = pushed;
        this.version = version;
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        rule.setId("retention-" + version.number());
        add(rule);
        if (mayChange) {
            change.setText(getTranslation("publish.retention.change"));
            change.setId("retention-change-" + version.number());
            change.getElement()
                    .setAttribute("aria-label", getTranslation("publish.retention.change-label", version.number()));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.addClickListener(e -> open());
            add(change);
        }
        show();
    }

    private void show() {
        rule.setText(pushed.retention(version.id())
                .map(r -> getTranslation("publish.retention.rule", r.days(), r.column()))
                .orElse(getTranslation("publish.retention.every-row")));
    }

    /** The dialog that changes the rule, the rule there now first offered. */
    void open() {
        Dialog dialog = new Dialog();
        dialog.setId("retention-dialog");
        dialog.setHeaderTitle(getTranslation("publish.retention.heading", version.number()));
        List<String> choices = new ArrayList<>();
        choices.add(EVERY_ROW);
        choices.addAll(pushed.retentionColumns(version.id()));
        Select<String> column = new Select<>();
        column.setId("retention-column");
        column.setLabel(getTranslation("publish.retention.column"));
        column.setItems(choices);
        column.setItemLabelGenerator(c -> c.equals(EVERY_ROW) ? getTranslation("publish.retention.every-row") : c);
        IntegerField days = new IntegerField(getTranslation("publish.retention.days"));
        days.setId("retention-days");
        days.setMin(1);
        days.setMax(36_600);
        days.setStepButtonsVisible(true);
        days.setHelperText(getTranslation("publish.retention.help"));
        RetentionRule now = pushed.retention(version.id()).orElse(null);
        column.setValue(now == null ? EVERY_ROW : now.column());
        days.setValue(now == null ? 90 : now.days());
        days.setEnabled(now != null);
        column.addValueChangeListener(e -> days.setEnabled(!EVERY_ROW.equals(e.getValue())));
        if (choices.size() == 1) {
            column.setHelperText(getTranslation("publish.retention.no-dates"));
        }
        dialog.add(new VerticalLayout(column, days));
        Button save = new Button(getTranslation("publish.retention.save"), e -> {
            boolean every = EVERY_ROW.equals(column.getValue());
            try {
                pushed.retain(version.id(), every ? null : column.getValue(), every ? null : days.getValue());
                dialog.close();
                show();
                SourcePanel.Notifications.show(this, "publish.retention.saved", true);
            } catch (CatalogException refused) {
                days.setErrorMessage(
                        getTranslation(refused.messageKey(), refused.arguments().toArray()));
                days.setInvalid(true);
            }
        });
        save.setId("retention-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
