package org.openplaza.portal.publish;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.CsvPreview;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;

/**
 * A new version from a CSV or TSV file: upload (streamed to a temporary file), what the importer
 * detected with the official's corrections, a preview of the first 100 rows, then the import with a
 * progress bar in rows and a cancel button.
 */
class ImportPanel extends VerticalLayout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportPanel.class);

    final Upload upload;
    final Paragraph message = new Paragraph();
    final FileLayoutFields layout = new FileLayoutFields(this::analyse);
    final UnpivotChoice unpivot = new UnpivotChoice(this::showPreview);
    final ColumnsGrid columns = new ColumnsGrid(this::relabel, this::showPreview);
    final Grid<List<CsvPreview.Cell>> preview = new Grid<>();
    final ImportRun run;
    private final VerticalLayout details = new VerticalLayout();

    private final PublishingService publishing;
    private final long datasetId;
    private @Nullable Path file;
    private String filename = "";
    private @Nullable CsvAnalysis analysis;
    final List<ColumnChoice> choices = new ArrayList<>();
    private final Map<Integer, Grid.Column<List<CsvPreview.Cell>>> previewColumns = new java.util.HashMap<>();

    ImportPanel(PublishingService publishing, ImportExecutor executor, long datasetId, Runnable onImported) {
        this.publishing = publishing;
        this.datasetId = datasetId;
        setPadding(false);
        long limit = publishing.maxUploadBytes();
        upload = new Upload(new BoundedUpload(limit, new BoundedUpload.Outcome() {
            @Override
            public void received(String filename, Path file) {
                uploaded(filename, file);
            }

            @Override
            public void tooLarge(long bytes) {
                getUI().ifPresent(ui -> ui.access(() -> fail(getTranslation(
                        "publish.error.too-large", org.apache.commons.io.FileUtils.byteCountToDisplaySize(bytes)))));
            }
        }));
        upload.setId("upload");
        upload.setAcceptedFileTypes(".csv", ".tsv", ".txt", "text/csv", "text/tab-separated-values", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limit));
        upload.addFileRejectedListener(e -> fail(getTranslation("import.error.rejected", e.getErrorMessage())));
        upload.setI18n(uploadTexts());
        message.setId("import-message");
        details.setPadding(false);
        details.setVisible(false);
        details.add(layout);
        configureColumns();
        run = new ImportRun(publishing, executor, datasetId, this::job, this::lock, onImported);
        details.add(run);
        add(
                new H2(getTranslation("import.title")),
                new Paragraph(getTranslation("import.intro")),
                upload,
                message,
                details);
    }

    private UploadI18N uploadTexts() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(getTranslation("import.upload.add"))
                .setMany(getTranslation("import.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(getTranslation("import.upload.drop"))
                .setMany(getTranslation("import.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("import.upload.too-many"))
                .setFileIsTooBig(getTranslation("import.upload.too-big"))
                .setIncorrectFileType(getTranslation("import.upload.wrong-type")));
        return i18n;
    }

    private void configureColumns() {
        preview.setId("import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        preview.setHeight("24rem");
        details.add(
                new H2(getTranslation("import.columns")),
                columns,
                unpivot,
                new H2(getTranslation("import.preview")),
                preview);
    }

    /** A new label for a column, shown at once over its preview. */
    private void relabel(ColumnChoice choice) {
        String label = choice.label;
        var shown = previewColumns.get(choice.detected.index());
        if (shown != null) {
            shown.setHeader(label.isBlank() ? choice.detected.label() : label.strip());
        }
    }

    /** Runs in the upload request, outside the session lock: hand over to the UI. */
    private void uploaded(String name, Path temp) {
        UI ui = getUI().orElse(null);
        if (ui == null) {
            temp.toFile().delete();
            return;
        }
        ui.access(() -> {
            upload.clearFileList();
            read(name, temp);
        });
    }

    /** Reads a file afresh, detecting everything, and shows what was found. */
    void read(String name, Path temp) {
        discardFile();
        file = temp;
        filename = name;
        analysis = null;
        analyse();
    }

    void analyse() {
        if (file == null) {
            return;
        }
        ReadSettings settings = layout.settings(analysis);
        try {
            CsvAnalysis result = publishing.analyse(file, settings);
            show(result);
            run.start.setEnabled(true); // a file read afresh may be imported, after one that was
        } catch (CatalogException e) {
            fail(getTranslation(e.messageKey(), e.arguments().toArray()));
        } catch (Exception e) {
            log.warn("Reading {} for dataset {} failed", filename, datasetId, e);
            fail(getTranslation("import.error.unreadable"));
        }
    }

    private void show(CsvAnalysis result) {
        analysis = result;
        layout.show(result);
        choices.clear();
        result.columns().forEach(c -> choices.add(new ColumnChoice(c)));
        columns.setItems(choices);
        unpivot.offer(result);
        String summary = getTranslation(
                "import.summary", filename, result.rows(), result.columns().size(), result.raggedRecords());
        if (!result.raggedLines().isEmpty()) {
            summary += " " + getTranslation("import.ragged-lines", ImportRun.lines(result.raggedLines()));
        }
        if (result.footerRecords() > 0) {
            summary += " " + getTranslation("import.footer", result.footerRecords());
        }
        message.setText(summary);
        message.removeClassName("error");
        details.setVisible(true);
        showPreview();
    }

    ImportPlan plan() {
        ImportPlan plan = new ImportPlan(
                analysis, choices.stream().map(ColumnChoice::chosen).toList(), run.badValues.getValue());
        return unpivot.applyTo(plan, analysis);
    }

    private void showPreview() {
        if (file == null || analysis == null) {
            return;
        }
        preview.removeAllColumns();
        previewColumns.clear();
        ImportPlan plan = plan();
        List<ColumnAnalysis> stored = plan.storedColumns();
        for (int p = 0; p < stored.size(); p++) {
            int position = p;
            var column = preview.addColumn(row -> {
                        CsvPreview.Cell cell = row.get(position);
                        return cell.fits() ? cell.text() : "⚠ " + cell.text();
                    })
                    .setHeader(stored.get(p).label())
                    .setAutoWidth(true)
                    .setPartNameGenerator(row -> row.get(position).fits() ? null : "unfit");
            if (stored.get(p).index() >= 0) {
                previewColumns.put(stored.get(p).index(), column);
            }
        }
        try {
            preview.setItems(publishing.preview(file, plan, 100));
        } catch (Exception e) {
            fail(getTranslation("import.error.unreadable"));
        }
    }

    /** The file ready to import as set up, or null while there is none. */
    private ImportRun.@Nullable Job job() {
        if (file == null || analysis == null) {
            return null;
        }
        ImportPlan plan = plan();
        List<String> descriptions = plan.storedColumns().stream()
                .map(c -> c.index() >= 0 ? choices.get(c.index()).description : "")
                .toList();
        return new ImportRun.Job(file, filename, plan, descriptions, analysis.rows());
    }

    /** While an import runs, no other file and no other reading of this one. */
    private void lock(boolean running) {
        upload.setEnabled(!running);
        layout.reread.setEnabled(!running);
    }

    private void fail(String text) {
        message.setText(text);
        message.addClassName("error");
        details.setVisible(false);
    }

    private void discardFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // a temporary file; the operating system cleans up
            }
            file = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        discardFile();
        super.onDetach(detachEvent);
    }
}
