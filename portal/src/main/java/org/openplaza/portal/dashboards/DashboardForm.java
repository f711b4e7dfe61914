package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.openplaza.catalog.CatalogException;

/**
 * A dialog for a dashboard's title and description: to create one, or to change one's. The
 * service's refusal is shown on the field it is about.
 */
final class DashboardForm {

    /** What the dialog's "save" does with the title and description; returns the dashboard's id. */
    @FunctionalInterface
    interface Save {
        long save(String title, String description);
    }

    private DashboardForm() {}

    static void open(
            com.vaadin.flow.component.Component from,
            String headingKey,
            String title,
            String description,
            Save save,
            java.util.function.LongConsumer saved) {
        Dialog dialog = new Dialog();
        dialog.setId("dashboard-form");
        dialog.setHeaderTitle(from.getTranslation(headingKey));
        TextField name = new TextField(from.getTranslation("dashboard.title"));
        name.setId("dashboard-title");
        name.setValue(title);
        name.setMaxLength(300);
        name.setRequired(true);
        name.setWidthFull();
        TextArea about = new TextArea(from.getTranslation("dashboard.description"));
        about.setId("dashboard-description");
        about.setValue(description);
        about.setMaxLength(2000);
        about.setWidthFull();
        dialog.add(new VerticalLayout(name, about));
        Button confirm = new Button(from.getTranslation("dashboard.save"), e -> {
            try {
                long id = save.save(name.getValue(), about.getValue());
                dialog.close();
                saved.accept(id);
            } catch (CatalogException ex) {
                var field = "description".equals(ex.field()) ? about : name;
                field.setErrorMessage(
                        from.getTranslation(ex.messageKey(), ex.arguments().toArray()));
                field.setInvalid(true);
            }
        });
        confirm.setId("dashboard-save");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(from.getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
