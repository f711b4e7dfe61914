package org.openplaza.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.openplaza.catalog.publishing.TestCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The catalogue index against real publishing: Korean, Chinese and English text, facets that
 * count and narrow, orders, and drafts or withdrawn datasets never found. Not transactional: the
 * index follows committed changes only; so the test has a context, and a database, of its own.
 */
@SpringBootTest(properties = "spring.datasource.name=catalog-search-test")
class CatalogSearchTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    CatalogSearch search;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long seoul;
    long beijing;

    @BeforeEach
    void two_organisations() {
        TestCallers.signIn("root", "ADMIN");
        String suffix = Long.toString(System.nanoTime());
        seoul = publishing.createOrganisation("서울특별시 " + suffix).id();
        beijing = publishing.createOrganisation("Beijing Environment " + suffix).id();
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    private long dataset(
            long organisation,
            String title,
            String description,
            List<String> keywords,
            String theme,
            String licence,
            String csv,
            boolean publish)
            throws Exception {
        TestCallers.signIn("root", "ADMIN");
        long id = publishing.createDataset(new DatasetMetadata(
                organisation,
                title,
                description,
                null,
                null,
                Set.of(theme),
                keywords,
                licence,
                "DAILY",
                null,
                null,
                null,
                "en"));
        Path file = Files.writeString(dir.resolve("d" + id + ".csv"), csv);
        publishing.importVersion(
                id,
                file,
                "d.csv",
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
        if (publish) {
            publishing.publish(id);
        }
        return id;
    }

    private List<String> titles(String query, Map<String, List<String>> facets) {
        return search.search(new SearchRequest(query, facets, SearchRequest.Order.RELEVANCE, 0, 50)).hits().stream()
                .map(SearchResult.Hit::title)
                .toList();
    }

    @Test
    void finds_korean_chinese_and_english_text_and_narrows_by_facets() throws Exception {
        String tag = "t" + System.nanoTime();
        dataset(
                seoul,
                "서울시 코로나19 확진자 현황 " + tag,
                "자치구별 확진자 수",
                List.of("코로나19", tag),
                "HEAL",
                "KOGL-Type-1",
                "자치구,확진자\n강남구,10\n",
                true);
        dataset(
                beijing,
                "北京空气质量 " + tag,
                "Daily air quality index by station.",
                List.of("air", tag),
                "ENVI",
                "CC-BY-4.0",
                "station,aqi\nDongsi,80\n",
                true);
        dataset(
                beijing,
                "Monthly rainfall " + tag,
                "Rainfall totals in millimetres.",
                List.of("weather", tag),
                "ENVI",
                "CC-BY-4.0",
                "month,rainfall_mm\n2024-01,12.5\n",
                true);
        dataset(
                beijing,
                "Unpublished rainfall draft " + tag,
                "Not yet public.",
                List.of(tag),
                "ENVI",
                "CC-BY-4.0",
                "month,rainfall_mm\n2024-01,12.5\n",
                false);
        SecurityContextHolder.clearContext();

        assertThat(titles("확진 " + tag, Map.of())).containsExactly("서울시 코로나19 확진자 현황 " + tag);
        assertThat(titles("강남구", Map.of()))
                .as("column values are not indexed, only labels")
                .isEmpty();
        assertThat(titles("자치구 " + tag, Map.of())).as("column label").hasSize(1);
        assertThat(titles("空气 " + tag, Map.of())).containsExactly("北京空气质量 " + tag);
        assertThat(titles("rainfalls " + tag, Map.of())).containsExactly("Monthly rainfall " + tag);

        SearchResult all = search.search(new SearchRequest(tag, Map.of(), SearchRequest.Order.UPDATED, 0, 2));
        assertThat(all.total()).as("drafts never appear").isEqualTo(3);
        assertThat(all.hits()).hasSize(2);
        assertThat(all.facets().get("theme"))
                .containsExactlyInAnyOrder(
                        new SearchResult.FacetCount("ENVI", 2), new SearchResult.FacetCount("HEAL", 1));
        assertThat(all.facets().get("format")).containsExactly(new SearchResult.FacetCount("CSV", 3));

        assertThat(titles(tag, Map.of("theme", List.of("ENVI"), "licence", List.of("CC-BY-4.0"))))
                .containsExactlyInAnyOrder("北京空气质量 " + tag, "Monthly rainfall " + tag);
        assertThat(titles(tag, Map.of("theme", List.of("ENVI", "HEAL"))))
                .as("values of one facet are alternatives")
                .hasSize(3);
    }

    @Test
    void plain_words_find_the_words_they_begin_their_synonyms_in_either_language_and_misspellings_get_a_suggestion()
            throws Exception {
        String tag = "w" + System.nanoTime();
        String rainfall = "Monthly Rainfall " + tag;
        dataset(
                beijing,
                rainfall,
                "Totals in millimetres at the climate station.",
                List.of(tag),
                "ENVI",
                "CC-BY-4.0",
                "month,total_mm\n2024-01,12.5\n",
                true);
        dataset(seoul, "자치구별 인구 " + tag, "주민등록 인구", List.of(tag), "SOCI", "KOGL-Type-1", "자치구,인구\n강남구,10\n", true);
        SecurityContextHolder.clearContext();

        assertThat(titles("rain " + tag, Map.of())).as("a word's beginning").containsExactly(rainfall);
        assertThat(titles("precipitation " + tag, Map.of()))
                .as("an English synonym")
                .containsExactly(rainfall);
        assertThat(titles("강수량 " + tag, Map.of()))
                .as("a Korean word for English-only metadata")
                .containsExactly(rainfall);
        assertThat(titles("population " + tag, Map.of()))
                .as("an English word for Korean-only metadata")
                .containsExactly("자치구별 인구 " + tag);
        assertThat(titles("ra " + tag, Map.of()))
                .as("two letters are not a beginning")
                .isEmpty();

        SearchResult misspelt =
                search.search(new SearchRequest("rainfull", Map.of(), SearchRequest.Order.RELEVANCE, 0, 10));
        assertThat(misspelt.total()).isZero();
        assertThat(misspelt.suggestion()).as("did you mean").isEqualTo("rainfall");
        SearchResult hopeless =
                search.search(new SearchRequest("qqxxzz", Map.of(), SearchRequest.Order.RELEVANCE, 0, 10));
        assertThat(hopeless.suggestion()).as("nothing close").isNull();
        SearchResult found = search.search(new SearchRequest(tag, Map.of(), SearchRequest.Order.RELEVANCE, 0, 10));
        assertThat(found.suggestion())
                .as("no suggestion when something matched")
                .isNull();
    }

    @Test
    void a_translation_is_found_in_its_language_shown_to_its_readers_and_checked() throws Exception {
        String tag = "x" + System.nanoTime();
        long id = dataset(
                beijing,
                "Bicycle counts on the river paths " + tag,
                "Bicycles counted each hour at six stations.",
                List.of("cycling", tag),
                "TRAN",
                "CC-BY-4.0",
                "station,count\nA,10\n",
                true);
        assertThat(titles("한강 " + tag, Map.of())).as("no Korean yet").isEmpty();

        TestCallers.signIn("root", "ADMIN");
        DatasetMetadata own = reader.byId(id).orElseThrow().metadata();
        DatasetMetadata translated = own.withTranslations(Map.of(
                "ko",
                new DatasetMetadata.Translation("한강 자전거도로 통행량 " + tag, "여섯 곳에서 시간마다 센 자전거 수.", List.of("통행량", tag))));
        publishing.updateMetadata(id, translated);

        assertThat(titles("한강 " + tag, Map.of()))
                .as("the Korean title is searched")
                .hasSize(1);
        assertThat(titles("통행량 " + tag, Map.of())).as("and the Korean keywords").hasSize(1);
        SearchResult.Hit hit = search.search(new SearchRequest(tag, Map.of(), SearchRequest.Order.RELEVANCE, 0, 5))
                .hits()
                .get(0);
        assertThat(hit.title("ko")).isEqualTo("한강 자전거도로 통행량 " + tag);
        assertThat(hit.title("en")).isEqualTo("Bicycle counts on the river paths " + tag);
        assertThat(hit.title("de")).as("no German: the dataset's own").isEqualTo(hit.title("en"));
        assertThat(hit.description("ko")).isEqualTo("여섯 곳에서 시간마다 센 자전거 수.");

        DatasetMetadata kept = reader.byId(id).orElseThrow().metadata();
        assertThat(kept.translations()).containsOnlyKeys("ko");
        assertThat(kept.in("ko").keywords()).containsExactlyInAnyOrder("통행량", tag);
        assertThat(kept.in("en").title()).isEqualTo(own.title());

        for (var refused : List.of(
                Map.of("en", new DatasetMetadata.Translation("Same language", "", List.of())),
                Map.of("xx", new DatasetMetadata.Translation("Unknown language", "", List.of())),
                Map.of("ko", new DatasetMetadata.Translation("짧", "", List.of())))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> publishing.updateMetadata(id, own.withTranslations(refused)))
                    .isInstanceOfSatisfying(
                            org.openplaza.catalog.CatalogException.class,
                            e -> assertThat(e.field()).isEqualTo("translations"));
        }
        assertThat(reader.byId(id).orElseThrow().metadata().translations())
                .as("a refused change keeps the translation there was")
                .containsOnlyKeys("ko");

        publishing.updateMetadata(id, own.withTranslations(Map.of()));
        assertThat(titles("한강 " + tag, Map.of()))
                .as("a translation removed is no longer found")
                .isEmpty();
    }

    @Test
    void withdrawn_datasets_leave_the_index_and_views_order_results() throws Exception {
        String tag = "w" + System.nanoTime();
        long quiet = dataset(
                seoul, "Quiet data " + tag, "Few look at this.", List.of(tag), "GOVE", "CC0-1.0", "a,b\n1,2\n", true);
        long popular = dataset(
                seoul,
                "Popular data " + tag,
                "Many look at this.",
                List.of(tag),
                "GOVE",
                "CC0-1.0",
                "a,b\n1,2\n",
                true);
        TestCallers.anonymous();
        reader.countView(popular);
        reader.countView(popular);
        reader.countView(quiet);
        assertThat(search.search(new SearchRequest(tag, Map.of(), SearchRequest.Order.VIEWS, 0, 10))
                        .hits())
                .extracting(SearchResult.Hit::id)
                .containsExactly(popular, quiet);

        TestCallers.signIn("root", "ADMIN");
        publishing.withdraw(popular);
        assertThat(titles(tag, Map.of())).containsExactly("Quiet data " + tag);

        search.rebuild();
        assertThat(titles(tag, Map.of()))
                .as("a rebuild from the database agrees")
                .containsExactly("Quiet data " + tag);
    }
}
