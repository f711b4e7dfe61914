package org.openplaza.portal.publish;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
import org.openplaza.catalog.CellParser;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.CsvAnalyzer;
import org.openplaza.catalog.CsvPreview;
import org.openplaza.catalog.DetectedEncoding;
import org.openplaza.catalog.ImportException;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportedVersion;
import org.openplaza.catalog.PublishingException;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.Unpivot;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VersionSummary;

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
    final Grid<Choice> columns = new Grid<>();
    final Grid<List<CsvPreview.Cell>> preview = new Grid<>();
    final RadioButtonGroup<ImportPlan.BadValues> badValues = new RadioButtonGroup<>();
    final Button start = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    private final VerticalLayout details = new VerticalLayout();

    private final PublishingService publishing;
    private final ImportExecutor executor;
    private final long datasetId;
    private final Runnable onImported;
    private @Nullable Path file;
    private String filename = "";
    private @Nullable CsvAnalysis analysis;
    final List<Choice> choices = new ArrayList<>();
    private final Map<Integer, Grid.Column<List<CsvPreview.Cell>>> previewColumns = new java.util.HashMap<>();
    private @Nullable ImportMonitor monitor;

    /** A column as the official sets it: label, type and description over the detected column. */
    static final class Choice {
        final ColumnAnalysis detected;
        String label;
        String name;
        ValueType type;
        String description = "";

        @Nullable
        Integer year;

        Choice(ColumnAnalysis detected) {
            this.detected = detected;
            this.label = detected.label();
            this.name = detected.name();
            this.type = detected.type();
        }

        boolean yearless() {
            return CellParser.YEARLESS.equals(detected.format());
        }

        ColumnAnalysis chosen() {
            boolean sameType = type == detected.type();
            String format = sameType ? detected.format() : "";
            if (yearless() && type == ValueType.DATE && year != null) {
                format = CellParser.yearlessIn(year);
            }
            return new ColumnAnalysis(
                    detected.index(),
                    label.isBlank() ? detected.label() : label.strip(),
                    name.strip(),
                    type,
                    format,
                    sameType ? detected.scale() : Math.max(detected.scale(), type == ValueType.DECIMAL ? 6 : 0),
                    detected.nulls(),
                    detected.nullMarkers());
        }
    }

    ImportPanel(PublishingService publishing, ImportExecutor executor, long datasetId, Runnable onImported) {
        this.publishing = publishing;
        this.executor = executor;
        this.datasetId = datasetId;
        this.onImported = onImported;
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
        configureImport();
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
        columns.setId("import-columns");
        columns.addComponentColumn(c -> {
                    TextField label = new TextField();
                    label.setValue(c.label);
                    label.setId("import-label-" + c.detected.index());
                    label.setAriaLabel(getTranslation("import.column.label") + " " + (c.detected.index() + 1));
                    label.addValueChangeListener(e -> relabel(c, e.getValue()));
                    label.setWidthFull();
                    return label;
                })
                .setHeader(getTranslation("import.column.label"))
                .setWidth("18em")
                .setFlexGrow(2);
        columns.addComponentColumn(c -> {
                    TextField name = new TextField();
                    name.setValue(c.name);
                    name.setId("import-name-" + c.detected.index());
                    name.setAriaLabel(getTranslation("import.column.name") + " " + (c.detected.index() + 1));
                    name.setErrorMessage(getTranslation("import.column.name.invalid"));
                    name.addValueChangeListener(e -> name.setInvalid(!rename(c, e.getValue())));
                    name.setWidthFull();
                    return name;
                })
                .setHeader(getTranslation("import.column.name"))
                .setWidth("14em")
                .setFlexGrow(1);
        columns.addComponentColumn(c -> {
                    Select<ValueType> type = new Select<>();
                    type.setItems(ValueType.values());
                    type.setItemLabelGenerator(t -> getTranslation("type." + t.name()));
                    type.setValue(c.type);
                    type.setAriaLabel(getTranslation("import.column.type") + " " + c.label);
                    type.setId("import-type-" + c.detected.index());
                    type.setWidthFull();
                    type.addValueChangeListener(e -> {
                        c.type = e.getValue();
                        showPreview();
                    });
                    return type;
                })
                .setHeader(getTranslation("import.column.type"))
                .setWidth("12em")
                .setFlexGrow(0);
        columns.addComponentColumn(c -> {
                    if (!c.yearless()) {
                        return new Span();
                    }
                    IntegerField year = new IntegerField();
                    year.setId("import-year-" + c.detected.index());
                    year.setAriaLabel(getTranslation("import.column.year") + " " + c.label);
                    year.setHelperText(getTranslation("import.column.year.help"));
                    year.setMin(1800);
                    year.setMax(2200);
                    if (c.year != null) {
                        year.setValue(c.year);
                    }
                    year.addValueChangeListener(e -> {
                        if (!e.isFromClient()) {
                            return;
                        }
                        c.year = e.getValue();
                        c.type = e.getValue() == null ? ValueType.TEXT : ValueType.DATE;
                        columns.getDataProvider().refreshItem(c);
                        showPreview();
                    });
                    return year;
                })
                .setHeader(getTranslation("import.column.year"));
        columns.addColumn(c -> nullsText(c.detected))
                .setHeader(getTranslation("import.column.nulls"))
                .setWidth("10em")
                .setFlexGrow(0);
        columns.addComponentColumn(c -> {
                    TextField description = new TextField();
                    description.setAriaLabel(getTranslation("import.column.description") + " " + c.label);
                    description.addValueChangeListener(e -> c.description = e.getValue());
                    description.setWidthFull();
                    return description;
                })
                .setHeader(getTranslation("import.column.description"))
                .setWidth("18em")
                .setFlexGrow(2);
        columns.setAllRowsVisible(true);
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
    void relabel(Choice choice, String label) {
        choice.label = label;
        var shown = previewColumns.get(choice.detected.index());
        if (shown != null) {
            shown.setHeader(label.isBlank() ? choice.detected.label() : label.strip());
        }
    }

    /** A new name for a column in the data; false when the store cannot take it as it is. */
    boolean rename(Choice choice, String name) {
        choice.name = name.strip();
        return org.openplaza.catalog.ColumnNames.isValidName(choice.name);
    }

    /** The first 20 of some line numbers, for a message. */
    private static String lines(List<Long> numbers) {
        return numbers.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** "14 (. 12, - 2)": empty cells, with the statistical office's markers among them. */
    String nullsText(ColumnAnalysis column) {
        String count = String.format(getLocale(), "%,d", column.nulls());
        if (column.nullMarkers().isEmpty()) {
            return count;
        }
        return count + " ("
                + column.nullMarkers().entrySet().stream()
                        .map(m -> m.getKey() + " " + String.format(getLocale(), "%,d", m.getValue()))
                        .collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }

    private void configureImport() {
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
        cancel.addClickListener(e -> {
            if (monitor != null) {
                monitor.cancel();
            }
        });
        progress.setId("import-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("import.progress"));
        progressText.setId("import-progress-text");
        details.add(badValues, new HorizontalLayout(start, cancel), progress, progressText);
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
            start.setEnabled(true); // a file read afresh may be imported, after one that was
        } catch (ImportException e) {
            fail(getTranslation(e.messageKey(), e.arguments().toArray()));
        } catch (PublishingException e) {
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
        result.columns().forEach(c -> choices.add(new Choice(c)));
        columns.setItems(choices);
        offerUnpivot(result);
        String summary = getTranslation(
                "import.summary", filename, result.rows(), result.columns().size(), result.raggedRecords());
        if (!result.raggedLines().isEmpty()) {
            summary += " " + getTranslation("import.ragged-lines", lines(result.raggedLines()));
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
        ImportPlan plan =
                new ImportPlan(analysis, choices.stream().map(Choice::chosen).toList(), badValues.getValue());
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

    private void startImport() {
        if (file == null || analysis == null) {
            return;
        }
        UI ui = getUI().orElseThrow();
        ImportPlan plan = plan();
        List<String> descriptions = plan.storedColumns().stream()
                .map(c -> c.index() >= 0 ? choices.get(c.index()).description : "")
                .toList();
        ImportMonitor running = new ImportMonitor();
        monitor = running;
        long total = Math.max(1, analysis.rows());
        Path source = file;
        setRunning(true);
        progress.setValue(0);
        ui.setPollInterval(500);
        var pollRegistration = ui.addPollListener(e -> {
            progress.setValue(Math.min(1.0, running.rows() / (double) total));
            progressText.setText(getTranslation("import.progress.rows", running.rows(), total));
        });
        executor.submitAsCurrentUser(() -> {
            // no UI or translations here: this is not a request thread
            Object outcome;
            try {
                outcome = publishing.importVersion(datasetId, source, filename, plan, descriptions, running);
            } catch (ImportException | PublishingException e) {
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
        if (outcome instanceof ImportException e) {
            return getTranslation(e.messageKey(), e.arguments().toArray());
        }
        if (outcome instanceof PublishingException e) {
            return getTranslation(e.messageKey(), e.arguments().toArray());
        }
        return getTranslation("error.generic");
    }

    private void setRunning(boolean running) {
        start.setEnabled(!running);
        cancel.setEnabled(running);
        upload.setEnabled(!running);
        reread.setEnabled(!running);
        progress.setVisible(true);
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
        if (monitor != null) {
            monitor.cancel();
        }
        discardFile();
        super.onDetach(detachEvent);
    }
}
