package org.openplaza.portal.publish;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportedVersion;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.VersionSummary;

/**
 * The import of a file read and corrected above it: what to do with values that do not fit their
 * column, the start and cancel buttons, and its progress in rows, then what it did.
 */
class ImportRun extends VerticalLayout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

    /** A file as the official has set it up for importing. */
    record Job(Path file, String filename, ImportPlan plan, List<String> descriptions, long rows) {}

    final RadioButtonGroup<ImportPlan.BadValues> badValues = new RadioButtonGroup<>();
    final Button start = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();

    private final PublishingService publishing;
    private final ImportExecutor executor;
    private final long datasetId;
    private final Supplier<@Nullable Job> job;
    private final Consumer<Boolean> running;
    private final Runnable onImported;
    private @Nullable ImportMonitor monitor;

    /**
     * @param job the file ready to import, or null while there is none
     * @param running told when an import starts (true) and ends (false), to lock the file's settings
     * @param onImported told when a version was made
     */
    ImportRun(
            PublishingService publishing,
            ImportExecutor executor,
            long datasetId,
            Supplier<@Nullable Job> job,
            Consumer<Boolean> running,
            Runnable onImported) {
        this.publishing = publishing;
        this.executor = executor;
        this.datasetId = datasetId;
        this.job = job;
        this.running = running;
        this.onImported = onImported;
        setPadding(false);
        badValues.setId("import-bad-values");
        badValues.setLabel(getTranslation("import.bad-values"));
        badValues.setItems(ImportPlan.BadValues.values());
        badValues.setItemLabelGenerator(b -> getTranslation("import.bad-values." + b.name()));
        badValues.setValue(ImportPlan.BadValues.FAIL);
        start.setId("import-start");
        start.setText(getTranslation("import.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startImport());
        cancel.setId("import-cancel");
        cancel.setText(getTranslation("import.cancel"));
        cancel.setEnabled(false);
        cancel.addClickListener(e -> cancelImport());
        progress.setId("import-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("import.progress"));
        progressText.setId("import-progress-text");
        add(badValues, new HorizontalLayout(start, cancel), progress, progressText);
    }

    private void startImport() {
        Job next = job.get();
        if (next == null) {
            return;
        }
        UI ui = getUI().orElseThrow();
        ImportMonitor rows = new ImportMonitor();
        monitor = rows;
        long total = Math.max(1, next.rows());
        setRunning(true);
        progress.setValue(0);
        ui.setPollInterval(500);
        var pollRegistration = ui.addPollListener(e -> {
            progress.setValue(Math.min(1.0, rows.rows() / (double) total));
            progressText.setText(getTranslation("import.progress.rows", rows.rows(), total));
        });
        executor.submitAsCurrentUser(() -> {
            // no UI or translations here: this is not a request thread
            Object outcome;
            try {
                outcome = publishing.importVersion(
                        datasetId, next.file(), next.filename(), next.plan(), next.descriptions(), rows);
            } catch (CatalogException e) {
                outcome = e;
            } catch (Exception e) {
                log.error("Import into dataset {} failed", datasetId, e);
                outcome = e;
            }
            Object result = outcome;
            ui.access(() -> {
                pollRegistration.remove();
                ui.setPollInterval(-1);
                setRunning(false);
                progressText.setText(describe(result));
                if (result instanceof ImportedVersion) {
                    progress.setValue(1);
                    // this file is in: importing it again would only make a second, equal version;
                    // a new upload enables the button again
                    start.setEnabled(false);
                    onImported.run();
                }
            });
        });
    }

    /** Stops an import under way; the version it was making is not kept. */
    void cancelImport() {
        if (monitor != null) {
            monitor.cancel();
        }
    }

    private String describe(Object outcome) {
        if (outcome instanceof ImportedVersion imported) {
            VersionSummary version = imported.version();
            StringBuilder text = new StringBuilder(getTranslation("import.done", version.number(), version.rows()));
            if (imported.nulledCount() > 0) {
                text.append(' ').append(getTranslation("import.report.nulled", imported.nulledCount()));
                imported.nulledCells().stream()
                        .limit(10)
                        .forEach(cell -> text.append(' ')
                                .append(getTranslation(
                                        "import.error.bad-value",
                                        cell.line(),
                                        cell.column(),
                                        cell.value(),
                                        getTranslation("type." + cell.expected().name()))));
            }
            if (!imported.skippedLines().isEmpty()) {
                text.append(' ').append(getTranslation("import.report.skipped", lines(imported.skippedLines())));
            }
            return text.toString();
        }
        if (outcome instanceof CatalogException e) {
            return getTranslation(e.messageKey(), e.arguments().toArray());
        }
        return getTranslation("error.generic");
    }

    /** The first 20 of some line numbers, for a message. */
    static String lines(List<Long> numbers) {
        return numbers.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    private void setRunning(boolean on) {
        start.setEnabled(!on);
        cancel.setEnabled(on);
        progress.setVisible(true);
        running.accept(on);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        cancelImport();
        super.onDetach(detachEvent);
    }
}
