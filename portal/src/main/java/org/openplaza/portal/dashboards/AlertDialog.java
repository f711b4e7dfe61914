package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.FigureAlert;
import org.openplaza.catalog.FigureAlerts;
import org.openplaza.catalog.KeyFigure;

/** Asks to be told when a key figure goes above or below a threshold, the figure's value first offered. */
final class AlertDialog {

    private AlertDialog() {}

    static void open(Component from, FigureAlerts alerts, Dashboard.Tile tile, KeyFigure.Value value, Runnable saved) {
        Dialog dialog = new Dialog();
        dialog.setId("alert-dialog");
        dialog.setHeaderTitle(from.getTranslation("dashboard.alert.label", tile.title()));
        Select<FigureAlert.Direction> direction = new Select<>();
        direction.setId("alert-direction");
        direction.setLabel(from.getTranslation("dashboard.alert.direction"));
        direction.setItems(FigureAlert.Direction.values());
        direction.setItemLabelGenerator(d -> from.getTranslation("dashboard.alert." + d.name()));
        direction.setValue(FigureAlert.Direction.ABOVE);
        NumberField threshold = new NumberField(from.getTranslation("dashboard.alert.threshold"));
        threshold.setId("alert-threshold");
        threshold.setValue(value.latest());
        threshold.setHelperText(from.getTranslation("dashboard.alert.help"));
        threshold.setWidthFull();
        dialog.add(new VerticalLayout(direction, threshold));
        Button save = new Button(from.getTranslation("dashboard.alert.save"), e -> {
            try {
                if (threshold.getValue() == null) {
                    throw new CatalogException("threshold", "dashboard.error.threshold");
                }
                alerts.watch(tile.id(), direction.getValue(), threshold.getValue());
                dialog.close();
                saved.run();
            } catch (CatalogException ex) {
                threshold.setErrorMessage(
                        from.getTranslation(ex.messageKey(), ex.arguments().toArray()));
                threshold.setInvalid(true);
            }
        });
        save.setId("alert-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(from.getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
