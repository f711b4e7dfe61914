package org.openplaza.portal.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.springframework.dao.DataAccessException;

/**
 * How a chart is kept: signed-in users save it (title, description, whether it follows the
 * dataset's newest version) or, editing a saved one, update it in place; others are invited to
 * sign in.
 */
final class ChartSaving extends Div {

    private final VisualisationService visualisations;
    private final long datasetId;
    private final @Nullable Visualisation editing;
    private final Supplier<@Nullable ChartDefinition> chosen;
    private final Supplier<String> title;
    private final Consumer<String> showProblem;

    ChartSaving(
            VisualisationService visualisations,
            long datasetId,
            @Nullable Visualisation editing,
            Supplier<@Nullable ChartDefinition> chosen,
            Supplier<String> title,
            Consumer<String> showProblem) {
        this.visualisations = visualisations;
        this.datasetId = datasetId;
        this.editing = editing;
        this.chosen = chosen;
        this.title = title;
        this.showProblem = showProblem;
        add(choose());
    }

    /** Signed-in users save the chart; others are invited to sign in. */
    private Component choose() {
        if (org.openplaza.audit.Audited.ANONYMOUS.equals(org.openplaza.audit.Audited.currentActor())) {
            Anchor signIn = new Anchor("login", getTranslation("chart.save.sign-in"));
            signIn.setId("chart-sign-in");
            return signIn;
        }
        if (editing != null) {
            Button update = new Button(getTranslation("chart.update"), e -> update(editing));
            update.setId("chart-update");
            update.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Anchor back = new Anchor("visualisation/" + editing.id(), getTranslation("chart.update.cancel"));
            back.setId("chart-update-cancel");
            HorizontalLayout buttons = new HorizontalLayout(update, back);
            buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
            return buttons;
        }
        Button save = new Button(getTranslation("chart.save"), e -> openSaveDialog());
        save.setId("chart-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return save;
    }

    private void update(Visualisation v) {
        ChartDefinition definition = chosen.get();
        if (definition == null) {
            return;
        }
        try {
            visualisations.redefine(v.id(), definition);
            getUI().ifPresent(ui -> ui.navigate("visualisation/" + v.id()));
        } catch (org.openplaza.platform.Refusal e) {
            showProblem.accept(getTranslation(e.messageKey(), e.arguments().toArray()));
        } catch (DataAccessException e) {
            showProblem.accept(getTranslation("chart.error.failed"));
        }
    }

    private void openSaveDialog() {
        ChartDefinition definition = chosen.get();
        if (definition == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("chart.save"));
        TextField name = new TextField(getTranslation("visualisation.title"));
        name.setId("visualisation-title");
        name.setValue(title.get());
        name.setWidthFull();
        TextArea about = new TextArea(getTranslation("visualisation.description"));
        about.setId("visualisation-description");
        about.setWidthFull();
        about.setMaxLength(2000);
        Checkbox follows = new Checkbox(getTranslation("visualisation.follows-latest"), true);
        follows.setId("visualisation-follows");
        dialog.add(new VerticalLayout(name, about, follows));
        Button confirm = new Button(getTranslation("chart.save"), e -> {
            try {
                long id = visualisations.save(
                        datasetId, name.getValue(), about.getValue(), definition, follows.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("visualisation/" + id));
            } catch (CatalogException ex) {
                HasValidation field = "description".equals(ex.field()) ? about : name;
                field.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                field.setInvalid(true);
            } catch (DataAccessException ex) {
                name.setErrorMessage(getTranslation("chart.error.failed"));
                name.setInvalid(true);
            }
        });
        confirm.setId("visualisation-save");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
