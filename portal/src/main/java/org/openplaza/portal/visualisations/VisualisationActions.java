package org.openplaza.portal.visualisations;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.layout.ReasonDialog;

/**
 * What a reader may do beside a chart: a visitor is asked to sign in to like it; a signed-in
 * reader likes or reports it; its owner edits its words, redraws it or deletes it.
 */
class VisualisationActions extends HorizontalLayout {

    private final VisualisationService visualisations;

    VisualisationActions(VisualisationService visualisations, Visualisation v, boolean own) {
        this.visualisations = visualisations;
        setId("visualisation-actions");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = this;
        boolean signedIn = !Audited.ANONYMOUS.equals(Audited.currentActor());
        Span likes = new Span(getTranslation("visualisation.likes", v.likes()));
        likes.setId("visualisation-likes");
        if (!signedIn) {
            Anchor signIn = new Anchor("login", getTranslation("visualisation.like.sign-in"));
            signIn.setId("visualisation-like-sign-in");
            actions.add(likes, signIn);
            return;
        }
        Button like = new Button();
        like.setId("visualisation-like");
        boolean[] liked = {visualisations.likedByMe(v.id())};
        Runnable show = () -> {
            like.setText(getTranslation("visualisation.like"));
            like.setIcon((liked[0] ? VaadinIcon.HEART : VaadinIcon.HEART_O).create());
            like.getElement().setAttribute("aria-pressed", String.valueOf(liked[0]));
            // pressed shows as a filled button with a filled heart; the name stays "Like"
            if (liked[0]) {
                like.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                like.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        };
        show.run();
        like.addClickListener(e -> {
            long count = visualisations.like(v.id(), !liked[0]);
            liked[0] = !liked[0];
            show.run();
            likes.setText(getTranslation("visualisation.likes", count));
        });
        actions.add(like, likes);
        if (!own) {
            Button report = new Button(getTranslation("visualisation.report"), e -> openReport(v));
            report.setId("visualisation-report");
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(report);
            return;
        }
        Button describe = new Button(getTranslation("visualisation.edit"), e -> openDescribe(v));
        describe.setId("visualisation-edit");
        Anchor redraw = new Anchor(
                "dataset/" + v.datasetSlug() + "?edit=" + v.id(), getTranslation("visualisation.edit-chart"));
        redraw.setId("visualisation-edit-chart");
        Button delete = new Button(getTranslation("visualisation.delete"), e -> confirmDelete(v));
        delete.setId("visualisation-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(describe, redraw, delete);
    }

    private void openReport(Visualisation v) {
        ReasonDialog.open(
                getTranslation("visualisation.report.heading"),
                getTranslation("visualisation.report.reason"),
                getTranslation("visualisation.report.send"),
                "visualisation-report-reason",
                1000,
                false,
                reason -> visualisations.report(v.id(), reason),
                () -> Notification.show(getTranslation("visualisation.report.sent"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS));
    }

    private void openDescribe(Visualisation v) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("visualisation.edit"));
        TextField name = new TextField(getTranslation("visualisation.title"));
        name.setId("visualisation-edit-title");
        name.setValue(v.title());
        name.setWidthFull();
        TextArea about = new TextArea(getTranslation("visualisation.description"));
        about.setId("visualisation-edit-description");
        about.setValue(v.description());
        about.setMaxLength(2000);
        about.setWidthFull();
        Checkbox follows = new Checkbox(getTranslation("visualisation.follows-latest"), v.followsLatest());
        follows.setId("visualisation-edit-follows");
        VerticalLayout fields = new VerticalLayout(name, about, follows);
        fields.setWidth("32em");
        dialog.add(fields);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                visualisations.describe(v.id(), name.getValue(), about.getValue(), follows.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (CatalogException ex) {
                HasValidation field = "description".equals(ex.field()) ? about : name;
                field.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                field.setInvalid(true);
            }
        });
        save.setId("visualisation-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(Visualisation v) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("visualisation.delete.heading"));
        confirm.setText(getTranslation("visualisation.delete.text", v.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("visualisation.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            visualisations.delete(v.id());
            getUI().ifPresent(ui -> ui.navigate(VisualisationsView.class));
        });
        confirm.open();
    }
}
