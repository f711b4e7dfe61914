package org.openplaza.portal.publish;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.CsvAnalyzer;
import org.openplaza.catalog.CsvPreview;
import org.openplaza.catalog.DetectedEncoding;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.Unpivot;

/**
 * A new version from a CSV or TSV file: upload (streamed to a temporary file), what the importer
 * detected with the official's corrections, a preview of the first 100 rows, then the import with a
 * progress bar in rows and a cancel button.
 */
class ImportPanel extends VerticalLayout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportPanel.class);

    static final Map<String, String> ENCODINGS = new LinkedHashMap<>();

    static {
        for (String name : List.of(
                "UTF-8",
                "x-windows-949",
                "GB18030",
                "Big5-HKSCS",
                "windows-31j",
                "windows-1252",
                "UTF-16LE",
                "UTF-16BE")) {
            ENCODINGS.put(name, name);
        }
    }

    static final Map<Character, String> DELIMITERS = Map.of(',', ",", ';', ";", '\t', "Tab", '|', "|");

    final Upload upload;
    final Paragraph message = new Paragraph();
    final Select<String> encoding = new Select<>();
    final Select<Character> delimiter = new Select<>();
    final IntegerField preamble = new IntegerField();
    final IntegerField headers = new IntegerField();
    final IntegerField footer = new IntegerField();
    final com.vaadin.flow.component.checkbox.Checkbox unpivot = new com.vaadin.flow.component.checkbox.Checkbox();
    final TextField periodLabel = new TextField();
    final TextField valueLabel = new TextField();
    final VerticalLayout unpivotBox = new VerticalLayout();
    final com.vaadin.flow.component.details.Details notes = new com.vaadin.flow.component.details.Details();
    final TextField quote = new TextField();
    final Button reread = new Button();
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
        configureDetection();
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

    private void configureDetection() {
        encoding.setId("import-encoding");
        encoding.setLabel(getTranslation("import.encoding"));
        encoding.setItems(ENCODINGS.keySet());
        delimiter.setId("import-delimiter");
        delimiter.setLabel(getTranslation("import.delimiter"));
        delimiter.setItems(',', ';', '\t', '|');
        delimiter.setItemLabelGenerator(d -> d == '\t' ? getTranslation("publish.delimiter.tab") : DELIMITERS.get(d));
        preamble.setId("import-preamble");
        preamble.setLabel(getTranslation("import.preamble"));
        preamble.setMin(0);
        preamble.setStepButtonsVisible(true);
        headers.setId("import-headers");
        headers.setLabel(getTranslation("import.headers"));
        headers.setMin(0);
        headers.setMax(5);
        headers.setStepButtonsVisible(true);
        footer.setId("import-footer");
        footer.setLabel(getTranslation("import.footer-lines"));
        footer.setMin(0);
        footer.setStepButtonsVisible(true);
        notes.setId("import-notes");
        notes.setSummaryText(getTranslation("import.notes"));
        notes.setVisible(false);
        quote.setId("import-quote");
        quote.setLabel(getTranslation("import.quote"));
        quote.setValue("\"");
        quote.setReadOnly(true);
        quote.setWidth("8em");
        reread.setId("import-reread");
        reread.setText(getTranslation("import.reread"));
        reread.addClickListener(e -> analyse());
        HorizontalLayout detection =
                new HorizontalLayout(encoding, delimiter, quote, preamble, headers, footer, reread);
        detection.setAlignItems(FlexComponent.Alignment.BASELINE);
        detection.setWrap(true);
        details.add(new H2(getTranslation("import.detected")), detection, notes);
    }

    private void configureColumns() {
        preview.setId("import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        preview.setHeight("24rem");
        unpivot.setId("import-unpivot");
        unpivot.addValueChangeListener(e -> {
            periodLabel.setEnabled(e.getValue());
            valueLabel.setEnabled(e.getValue());
            showPreview();
        });
        periodLabel.setId("import-unpivot-period");
        periodLabel.setLabel(getTranslation("import.unpivot.period"));
        periodLabel.setValue(getTranslation("import.unpivot.period.default"));
        periodLabel.setEnabled(false);
        periodLabel.addValueChangeListener(e -> showPreview());
        valueLabel.setId("import-unpivot-value");
        valueLabel.setLabel(getTranslation("import.unpivot.value"));
        valueLabel.setValue(getTranslation("import.unpivot.value.default"));
        valueLabel.setEnabled(false);
        valueLabel.addValueChangeListener(e -> showPreview());
        HorizontalLayout labels = new HorizontalLayout(periodLabel, valueLabel);
        labels.setWrap(true);
        unpivotBox.add(unpivot, labels);
        unpivotBox.setPadding(false);
        unpivotBox.setVisible(false);
        details.add(
                new H2(getTranslation("import.columns")),
                columns,
                unpivotBox,
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
        CsvAnalyzer.Settings settings = analysis == null
                ? CsvAnalyzer.Settings.DETECT
                : new CsvAnalyzer.Settings(
                        new DetectedEncoding(
                                Charset.forName(encoding.getValue()),
                                encoding.getValue()
                                                .equals(analysis.encoding()
                                                        .charset()
                                                        .name())
                                        ? analysis.encoding().bomLength()
                                        : 0,
                                "override"),
                        delimiter.getValue(),
                        preamble.getValue() == null ? 0 : preamble.getValue(),
                        headers.getValue() == null ? 1 : headers.getValue(),
                        footer.getValue() == null || footer.getValue() == analysis.footerRecords()
                                ? null
                                : footer.getValue());
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
        encoding.setValue(
                ENCODINGS.containsKey(result.encoding().charset().name())
                        ? result.encoding().charset().name()
                        : "UTF-8");
        delimiter.setValue(result.delimiter());
        preamble.setValue(result.preambleRecords());
        headers.setValue(result.headerRecords());
        footer.setValue(result.footerRecords());
        showNotes(result);
        choices.clear();
        result.columns().forEach(c -> choices.add(new ColumnChoice(c)));
        columns.setItems(choices);
        offerUnpivot(result);
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

    /** The title, source and unit lines above the table and the notes below it, as the file has them. */
    private void showNotes(CsvAnalysis result) {
        VerticalLayout lines = new VerticalLayout();
        lines.setPadding(false);
        lines.setSpacing(false);
        if (!result.preambleNotes().isEmpty()) {
            lines.add(new com.vaadin.flow.component.html.H3(getTranslation("import.notes.above")));
            result.preambleNotes().forEach(line -> lines.add(new Paragraph(line)));
        }
        if (!result.footerNotes().isEmpty()) {
            lines.add(new com.vaadin.flow.component.html.H3(getTranslation("import.notes.below")));
            result.footerNotes().forEach(line -> lines.add(new Paragraph(line)));
        }
        notes.setContent(lines);
        notes.setVisible(lines.getComponentCount() > 0);
    }

    ImportPlan plan() {
        ImportPlan plan = new ImportPlan(
                analysis, choices.stream().map(ColumnChoice::chosen).toList(), run.badValues.getValue());
        List<Integer> periods = Unpivot.periodFields(analysis);
        if (!unpivot.getValue() || periods.isEmpty()) {
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

    /** Offers to turn the columns headed by years or periods into rows, when the file has them. */
    private void offerUnpivot(CsvAnalysis result) {
        List<Integer> periods = Unpivot.periodFields(result);
        unpivotBox.setVisible(!periods.isEmpty());
        unpivot.setValue(false);
        if (!periods.isEmpty()) {
            unpivot.setLabel(getTranslation(
                    "import.unpivot",
                    periods.size(),
                    result.columns().get(periods.get(0)).label(),
                    result.columns().get(periods.get(periods.size() - 1)).label()));
        }
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
        reread.setEnabled(!running);
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
