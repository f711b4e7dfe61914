package org.openplaza.catalog.publishing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.catalog.ExportFormat;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.datastore.DatasetStore;

/**
 * Writes rows as they stream from the store, so memory stays flat for any size. In CSV, a text
 * cell that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage
 * return) is prefixed with {@code '}, unless it is a plain number such as {@code -5}.
 */
public final class RowWriter implements DatasetStore.RowSink, AutoCloseable {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<StoreColumn> columns;
    private final List<String> formats;
    private final CSVPrinter csv;
    private final JsonGenerator json;

    private RowWriter(List<StoreColumn> columns, List<String> formats, CSVPrinter csv, JsonGenerator json) {
        this.columns = columns;
        this.formats = formats;
        this.csv = csv;
        this.json = json;
    }

    /** A writer of rows of these columns, periods written in their columns' {@code formats}. */
    public static RowWriter open(
            ExportFormat format, List<StoreColumn> columns, List<String> labels, List<String> formats, OutputStream out)
            throws IOException {
        if (format == ExportFormat.JSON) {
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeArrayFieldStart("fields");
            for (int i = 0; i < columns.size(); i++) {
                json.writeStartObject();
                json.writeStringField("id", columns.get(i).name());
                json.writeStringField("label", labels.get(i));
                json.writeStringField("type", columns.get(i).type().name().toLowerCase(java.util.Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("records");
            return new RowWriter(columns, formats, null, json);
        }
        if (format == ExportFormat.CSV_BOM) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get());
        csv.printRecord(labels.stream().map(RowWriter::neutralised).toList());
        return new RowWriter(columns, formats, csv, null);
    }

    @Override
    public void row(Object[] values) {
        try {
            if (json != null) {
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeFieldName(columns.get(i).name());
                    writeJson(values[i], formats.get(i));
                }
                json.writeEndObject();
            } else {
                for (int i = 0; i < values.length; i++) {
                    csv.print(values[i] == null ? null : neutralised(text(values[i], formats.get(i))));
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJson(Object value, String format) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(text(value, format));
        }
    }

    static String text(Object value, String format) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return org.openplaza.catalog.importer.Periods.text(d, format);
        }
        return value.toString();
    }

    /** The cell as a spreadsheet may safely open it. */
    static String neutralised(String cell) {
        return org.openplaza.catalog.CsvCells.neutralised(cell);
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } else {
            csv.flush();
        }
    }
}
