package org.openplaza.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.ContentReport;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.ParticipationSettings;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;

/**
 * Participation for administrators: the queue of reported proposals and comments (hide with a
 * published reason, or dismiss; authors hidden before are flagged so they can be suspended under
 * User accounts) and the rules: support threshold and window, and the limits against spam.
 */
@Route("admin/moderation")
@RolesAllowed("ADMIN")
public class ModerationView extends VerticalLayout implements HasDynamicTitle {

    private final ModerationService moderation;
    final Grid<ContentReport> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    public ModerationView(ModerationService moderation, ProposalService proposals) {
        this.moderation = moderation;
        count.setId("moderation-count");
        grid.setId("moderation-grid");
        grid.addComponentColumn(r -> new Anchor(
                        "proposal/" + r.proposalId(),
                        getTranslation("moderation.target." + r.target().name(), r.proposalId())))
                .setHeader(getTranslation("moderation.queue.what"));
        grid.addColumn(ContentReport::excerpt)
                .setHeader(getTranslation("moderation.queue.excerpt"))
                .setFlexGrow(3);
        grid.addColumn(r -> r.authorHiddenBefore() == 0
                        ? r.author()
                        : getTranslation("moderation.queue.author-hidden", r.author(), r.authorHiddenBefore()))
                .setHeader(getTranslation("admin.reports.author"));
        grid.addColumn(ContentReport::reporter).setHeader(getTranslation("admin.reports.reporter"));
        grid.addColumn(ContentReport::reason)
                .setHeader(getTranslation("admin.reports.reason"))
                .setFlexGrow(2);
        grid.addColumn(r -> Formats.dateTime(r.reportedAt(), getLocale()))
                .setHeader(getTranslation("admin.reports.when"));
        grid.addComponentColumn(this::actions)
                .setHeader(getTranslation("admin.reports.actions"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("moderation.queue.title")), count, grid, settings(proposals));
        refresh();
    }

    private void refresh() {
        var queue = moderation.queue();
        count.setText(getTranslation("admin.reports.count", queue.size()));
        grid.setItems(queue);
    }

    private HorizontalLayout actions(ContentReport report) {
        Button hide = new Button(getTranslation("admin.reports.hide"), e -> openHide(report));
        hide.setId("moderation-hide-" + report.id());
        hide.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Button dismiss = new Button(getTranslation("admin.reports.dismiss"), e -> {
            moderation.dismiss(report.id());
            refresh();
        });
        dismiss.setId("moderation-dismiss-" + report.id());
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(hide, dismiss);
    }

    private void openHide(ContentReport report) {
        ReasonDialog.open(
                getTranslation("moderation.hide.heading"),
                getTranslation("moderation.hide.reason"),
                getTranslation("admin.reports.hide"),
                "moderation-hide-reason",
                500,
                true,
                reason -> moderation.hide(report.target(), report.targetId(), reason),
                this::refresh);
    }

    private VerticalLayout settings(ProposalService proposals) {
        ParticipationSettings current = proposals.settings();
        IntegerField threshold = field("settings-threshold", "settings.threshold", current.supportThreshold());
        IntegerField window = field("settings-window", "settings.window", current.supportWindowDays());
        IntegerField perDay = field("settings-per-day", "settings.per-day", current.proposalsPerDay());
        IntegerField perMinute = field("settings-per-minute", "settings.per-minute", current.commentsPerMinute());
        IntegerField share = new IntegerField(getTranslation("settings.share"));
        share.setId("settings-share");
        share.setMin(1);
        share.setMax(1000);
        share.setHelperText(getTranslation("settings.share.help"));
        share.setValue(current.supportSharePermille());
        FormLayout form = new FormLayout(threshold, share, window, perDay, perMinute);
        List<IntegerField> fields = List.of(threshold, share, window, perDay, perMinute);
        Button save = new Button(getTranslation("common.save"), e -> {
            fields.forEach(f -> f.setInvalid(false));
            try {
                proposals.updateSettings(new ParticipationSettings(
                        value(threshold), value(window), value(perDay), value(perMinute), share.getValue()));
                Notification.show(getTranslation("settings.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ProposalException ex) {
                String message = getTranslation(ex.messageKey(), ex.arguments().toArray());
                // the rule at fault marked on its field, and said once more for whoever is not looking at it
                IntegerField at = switch (String.valueOf(ex.field())) {
                    case "threshold" -> threshold;
                    case "window" -> window;
                    case "share" -> share;
                    default -> value(perDay) < 1 ? perDay : perMinute;
                };
                at.setErrorMessage(message);
                at.setInvalid(true);
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("settings-save");
        VerticalLayout box = new VerticalLayout(
                new H2(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")), form, save);
        box.setPadding(false);
        box.setId("participation-settings");
        return box;
    }

    private IntegerField field(String id, String key, int value) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setId(id);
        field.setMin(1);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "moderation.queue.title");
    }
}
