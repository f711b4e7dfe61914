package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ExportFormat;
import org.openplaza.catalog.HistogramBin;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.openplaza.catalog.importer.RealDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read side over a real import of the DS4C file: filters, sorts, counts and exports are
 * checked against figures computed here straight from the CSV, not through the importer.
 */
@SpringBootTest
@Transactional
class DatasetReaderTest {

    static final Path PROVINCES = RealDatasets.file("kr_ds4c_covid19_time_province.csv");

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long organisation;

    /** One parsed line of the file: date, time, province, confirmed, released, deceased. */
    record Line(LocalDate date, String province, long confirmed) {}

    static List<Line> lines() throws Exception {
        return Files.readAllLines(PROVINCES, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .map(f -> new Line(LocalDate.parse(f[0]), f[2], Long.parseLong(f[3])))
                .toList();
    }

    @BeforeEach
    void an_organisation_with_one_official() {
        TestCallers.user(db, "kim");
        TestCallers.signIn("root", "ADMIN");
        organisation = publishing.createOrganisation("KCDC").id();
        publishing.addMember(organisation, "kim");
        TestCallers.signIn("kim", "OFFICIAL");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long imported(String title, Path file, boolean publish) throws Exception {
        return TestDatasets.imported(publishing, TestDatasets.metadata(organisation, title), file, publish);
    }

    @Test
    void filters_sorts_and_counts_agree_with_the_file() throws Exception {
        long dataset = imported("COVID-19 by province", PROVINCES, true);
        TestCallers.anonymous();
        List<Line> lines = lines();

        assertThat(reader.count(dataset, RowRequest.ALL)).isEqualTo(lines.size());
        RowRequest seoulInMarch = RowRequest.ALL
                .withFilter(new RowRequest.Contains("province", "SEOUL"))
                .withFilter(new RowRequest.Range("date", LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31)));
        long expected = lines.stream()
                .filter(l -> l.province().toLowerCase().contains("seoul"))
                .filter(l -> l.date().getMonthValue() == 3)
                .count();
        assertThat(expected).isEqualTo(31);
        assertThat(reader.count(dataset, seoulInMarch)).isEqualTo(expected);

        RowRequest mostConfirmed = RowRequest.ALL.withSorts(List.of(new RowRequest.Sort("confirmed", true)));
        Line top = lines.stream().max(Comparator.comparingLong(Line::confirmed)).orElseThrow();
        Object[] first = reader.rows(dataset, mostConfirmed, 0, 1).get(0);
        assertThat(first[3]).isEqualTo(top.confirmed());
        assertThat(first[2]).isEqualTo(top.province());

        List<Object[]> page = reader.rows(dataset, seoulInMarch, 10, 5);
        assertThat(page).hasSize(5);
        assertThat(page.get(0)[0]).as("eleventh row in file order").isEqualTo(LocalDate.of(2020, 3, 11));

        Line thousandth = lines.get(1000);
        Object[] deep = reader.rows(dataset, RowRequest.ALL, 1000, 3).get(0);
        assertThat(deep[0])
                .as("an unfiltered page is the file's lines in order")
                .isEqualTo(thousandth.date());
        assertThat(deep[2]).isEqualTo(thousandth.province());
        assertThat(reader.rows(dataset, RowRequest.ALL, lines.size() - 2, 50)).hasSize(2);

        RowRequest roundTrip =
                RowRequestParams.fromParams(RowRequestParams.toParams(seoulInMarch), reader.storeColumns(dataset));
        assertThat(reader.count(dataset, roundTrip)).isEqualTo(expected);
        assertThatThrownBy(() -> RowRequestParams.fromParams(
                        java.util.Map.of("f.confirmed", "range:many.."), reader.storeColumns(dataset)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected integer");
        assertThatThrownBy(() -> reader.count(
                        dataset, RowRequest.ALL.withFilter(new RowRequest.Contains("1=1; drop table x", "a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such column");

        List<HistogramBin> bins = reader.histogram(dataset, "confirmed", 10);
        assertThat(bins).hasSize(10);
        assertThat(bins.stream().mapToLong(HistogramBin::count).sum()).isEqualTo(lines.size());
    }

    @Test
    void exports_stream_the_filtered_view_and_defuse_formulas() throws Exception {
        long dataset = imported("COVID-19 by province", PROVINCES, true);
        TestCallers.anonymous();
        RowRequest busan = RowRequest.ALL.withFilter(new RowRequest.Equals("province", "Busan"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        reader.export(dataset, null, busan, ExportFormat.CSV_BOM, csv);
        byte[] bytes = csv.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> rows = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        long busanLines =
                lines().stream().filter(l -> l.province().equals("Busan")).count();
        assertThat(rows).hasSize((int) busanLines + 1);
        assertThat(rows.get(0)).isEqualTo("date,time,province,confirmed,released,deceased");
        assertThat(rows).allMatch(r -> r.equals(rows.get(0)) || r.contains(",Busan,"));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        reader.export(dataset, null, busan, ExportFormat.JSON, json);
        String text = json.toString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(text, "$.records.length()")).isEqualTo((int) busanLines);
        assertThat((String) JsonPath.read(text, "$.fields[3].type")).isEqualTo("integer");

        Path risky = dir.resolve("risky.csv");
        Files.writeString(risky, """
                name,note,amount
                Alice,=HYPERLINK("http://evil.example"),-5
                Bob,-5,12
                Carol,@SUM(A1),3
                Dan,+82 2 120,4
                """);
        TestCallers.signIn("kim", "OFFICIAL");
        long riskyDataset = imported("Risky cells", risky, true);
        TestCallers.anonymous();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.export(riskyDataset, null, RowRequest.ALL, ExportFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "name,note,amount",
                        "Alice,\"'=HYPERLINK(\"\"http://evil.example\"\")\",-5",
                        "Bob,-5,12",
                        "Carol,'@SUM(A1),3",
                        "Dan,'+82 2 120,4");
    }

    @Test
    void a_draft_exists_only_for_its_publishers() throws Exception {
        long draft = imported("Not yet public", PROVINCES, false);
        String slug = reader.byId(draft).orElseThrow().slug();
        assertThat(reader.bySlug(slug)).as("its official sees it").isPresent();

        TestCallers.anonymous();
        assertThat(reader.bySlug(slug)).isEmpty();
        assertThatThrownBy(() -> reader.count(draft, RowRequest.ALL)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(
                        () -> reader.export(draft, null, RowRequest.ALL, ExportFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(CatalogException.class);

        TestCallers.signIn("someone", "CITIZEN");
        assertThat(reader.byId(draft)).isEmpty();
    }

    @Test
    void views_and_downloads_are_counted() throws Exception {
        long dataset = imported("Counted", PROVINCES, true);
        TestCallers.anonymous();
        reader.countView(dataset);
        reader.countView(dataset);
        reader.export(dataset, null, RowRequest.ALL, ExportFormat.JSON, new ByteArrayOutputStream());
        DatasetPage page = reader.byId(dataset).orElseThrow();
        assertThat(page.views()).isEqualTo(2);
        assertThat(page.downloads()).isEqualTo(1);
    }
}
