package org.openplaza.portal.publish;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.DetectedEncoding;
import org.openplaza.catalog.ReadSettings;

/**
 * How the importer read a file, for the official to correct: its encoding, delimiter and quote,
 * the lines above the table, the header rows and the lines below it; and the notes it found above
 * and below the table. "Read again" reads the file with the corrections.
 */
final class FileLayoutFields extends VerticalLayout {

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

    final Select<String> encoding = new Select<>();
    final Select<Character> delimiter = new Select<>();
    final IntegerField preamble = new IntegerField();
    final IntegerField headers = new IntegerField();
    final IntegerField footer = new IntegerField();
    final Details notes = new Details();
    final TextField quote = new TextField();
    final Button reread = new Button();

    FileLayoutFields(Runnable readAgain) {
        setPadding(false);
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
        reread.addClickListener(e -> readAgain.run());
        HorizontalLayout detection =
                new HorizontalLayout(encoding, delimiter, quote, preamble, headers, footer, reread);
        detection.setAlignItems(FlexComponent.Alignment.BASELINE);
        detection.setWrap(true);
        add(new H2(getTranslation("import.detected")), detection, notes);
    }

    /**
     * How to read the file next: everything detected for a file read afresh, else as the fields
     * now say (the byte-order mark kept while the encoding is the one detected; the lines below the
     * table detected again unless the official changed their number).
     */
    ReadSettings settings(@Nullable CsvAnalysis previous) {
        if (previous == null) {
            return ReadSettings.DETECT;
        }
        boolean sameEncoding =
                encoding.getValue().equals(previous.encoding().charset().name());
        return new ReadSettings(
                new DetectedEncoding(
                        Charset.forName(encoding.getValue()),
                        sameEncoding ? previous.encoding().bomLength() : 0,
                        "override"),
                delimiter.getValue(),
                preamble.getValue() == null ? 0 : preamble.getValue(),
                headers.getValue() == null ? 1 : headers.getValue(),
                footer.getValue() == null || footer.getValue() == previous.footerRecords() ? null : footer.getValue());
    }

    /** Shows how the file was read, and its notes. */
    void show(CsvAnalysis result) {
        encoding.setValue(
                ENCODINGS.containsKey(result.encoding().charset().name())
                        ? result.encoding().charset().name()
                        : "UTF-8");
        delimiter.setValue(result.delimiter());
        preamble.setValue(result.preambleRecords());
        headers.setValue(result.headerRecords());
        footer.setValue(result.footerRecords());
        showNotes(result);
    }

    /** The title, source and unit lines above the table and the notes below it, as the file has them. */
    private void showNotes(CsvAnalysis result) {
        VerticalLayout lines = new VerticalLayout();
        lines.setPadding(false);
        lines.setSpacing(false);
        if (!result.preambleNotes().isEmpty()) {
            lines.add(new H3(getTranslation("import.notes.above")));
            result.preambleNotes().forEach(line -> lines.add(new Paragraph(line)));
        }
        if (!result.footerNotes().isEmpty()) {
            lines.add(new H3(getTranslation("import.notes.below")));
            result.footerNotes().forEach(line -> lines.add(new Paragraph(line)));
        }
        notes.setContent(lines);
        notes.setVisible(lines.getComponentCount() > 0);
    }
}
