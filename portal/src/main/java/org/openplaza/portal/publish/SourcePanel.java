package org.openplaza.portal.publish;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetSource;
import org.openplaza.catalog.ScheduledSources;
import org.openplaza.portal.layout.Formats;

/**
 * A dataset's source in the officials' workspace: the address the portal fetches it from and how
 * often, set, fetched now or stopped, with how the last fetches went.
 */
public class SourcePanel extends VerticalLayout {

    /** How often a source may be fetched, as offered. */
    static final List<Duration> EVERY = List.of(
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));

    final TextField url = new TextField();
    final Select<Duration> every = new Select<>();
    final Button save = new Button();
    final Button fetchNow = new Button();
    final Button stop = new Button();
    final Span status = new Span();
    final Span failure = new Span();
    final ProgressBar fetching = new ProgressBar();

    private final ScheduledSources sources;
    private final ImportExecutor executor;
    private final long datasetId;
    private final Runnable changed;

    SourcePanel(ScheduledSources sources, ImportExecutor executor, long datasetId, Runnable changed) {
        this.sources = sources;
        this.executor = executor;
        this.datasetId = datasetId;
        this.changed = changed;
        setPadding(false);
        setId("source-panel");
        url.setId("source-url");
        url.setLabel(getTranslation("source.url"));
        url.setHelperText(getTranslation("source.url-help"));
        url.setWidthFull();
        url.setMaxLength(2000);
        every.setId("source-every");
        every.setLabel(getTranslation("source.every"));
        every.setItems(EVERY);
        every.setItemLabelGenerator(d -> getTranslation("source.every." + d.toMinutes()));
        every.setValue(Duration.ofDays(1));
        save.setId("source-save");
        save.setText(getTranslation("source.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        fetchNow.setId("source-fetch");
        fetchNow.setText(getTranslation("source.fetch-now"));
        fetchNow.addClickListener(e -> fetchNow());
        stop.setId("source-stop");
        stop.setText(getTranslation("source.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        stop.addClickListener(e -> act(() -> sources.remove(datasetId), "source.stopped"));
        status.setId("source-status");
        failure.setId("source-failure");
        failure.getElement().getThemeList().add("badge error");
        fetching.setIndeterminate(true);
        fetching.setVisible(false);
        fetching.getElement().setAttribute("aria-label", getTranslation("source.fetching"));
        FlexLayout fields = new FlexLayout(url, every);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setWidthFull();
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        fields.setFlexGrow(1, url);
        HorizontalLayout buttons = new HorizontalLayout(save, fetchNow, stop);
        buttons.getStyle().set("flex-wrap", "wrap");
        add(
                new H2(getTranslation("source.heading")),
                new Paragraph(getTranslation("source.intro")),
                fields,
                buttons,
                fetching,
                status,
                failure);
        show();
    }

    /** Shows the source as it is stored now. */
    void show() {
        Optional<DatasetSource> source = sources.of(datasetId);
        fetchNow.setVisible(source.isPresent());
        stop.setVisible(source.isPresent());
        failure.setVisible(false);
        if (source.isEmpty()) {
            status.setText(getTranslation("source.none"));
            return;
        }
        DatasetSource s = source.get();
        url.setValue(s.url());
        every.setValue(EVERY.contains(s.every()) ? s.every() : null);
        status.setText(statusText(s));
        if (s.failing()) {
            failure.setText(getTranslation("source.failed", SourceMessages.failure(this, s)));
            failure.setVisible(true);
        }
    }

    private String statusText(DatasetSource s) {
        String never = getTranslation("source.never");
        return getTranslation(
                "source.status",
                s.lastSuccessAt() == null ? never : Formats.dateTime(s.lastSuccessAt(), getLocale()),
                s.lastAttemptAt() == null ? never : Formats.dateTime(s.lastAttemptAt(), getLocale()),
                Formats.dateTime(s.nextDueAt(), getLocale()));
    }

    private void save() {
        url.setInvalid(false);
        every.setInvalid(false);
        if (every.getValue() == null) {
            every.setErrorMessage(getTranslation("source.every-required"));
            every.setInvalid(true);
            return;
        }
        try {
            sources.set(datasetId, url.getValue(), every.getValue());
            Notifications.show(this, "source.saved", true);
            show();
        } catch (CatalogException e) {
            url.setErrorMessage(getTranslation(e.messageKey(), e.arguments().toArray()));
            url.setInvalid(true);
        }
    }

    /** Fetches the source off the UI thread, as the official, and shows what came of it. */
    private void fetchNow() {
        UI ui = UI.getCurrent();
        fetchNow.setEnabled(false);
        fetching.setVisible(true);
        ui.setPollInterval(500);
        executor.submitAsCurrentUser(() -> {
            ScheduledSources.Outcome outcome;
            try {
                outcome = sources.refreshNow(datasetId);
            } catch (RuntimeException e) {
                outcome = ScheduledSources.Outcome.FAILED;
            }
            ScheduledSources.Outcome done = outcome;
            ui.access(() -> {
                ui.setPollInterval(-1);
                fetching.setVisible(false);
                fetchNow.setEnabled(true);
                Notifications.show(
                        this,
                        "source.outcome." + done.name().toLowerCase(java.util.Locale.ROOT),
                        done != ScheduledSources.Outcome.FAILED);
                show();
                if (done == ScheduledSources.Outcome.IMPORTED) {
                    changed.run();
                }
            });
        });
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.show(this, doneKey, true);
            url.clear();
            show();
        } catch (CatalogException e) {
            Notifications.show(this, e.messageKey(), false);
        }
    }

    /** A short notice of what an action did. */
    static final class Notifications {
        private Notifications() {}

        static void show(com.vaadin.flow.component.Component on, String key, boolean ok) {
            com.vaadin.flow.component.notification.Notification n =
                    com.vaadin.flow.component.notification.Notification.show(on.getTranslation(key));
            n.addThemeVariants(
                    ok
                            ? com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS
                            : com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
        }
    }
}
