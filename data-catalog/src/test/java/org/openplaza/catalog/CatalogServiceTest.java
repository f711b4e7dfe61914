package org.openplaza.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.VISUALISATION;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
class CatalogServiceTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DSLContext db;

    private final OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private long owner;
    private long organisation;

    @BeforeEach
    void an_organisation_and_a_user_exist() {
        organisation = db.insertInto(ORGANISATION)
                .set(ORGANISATION.SLUG, "seoul-health")
                .set(ORGANISATION.NAME, "Seoul Health")
                .set(ORGANISATION.CREATED_AT, t0)
                .returningResult(ORGANISATION.ID)
                .fetchSingle(ORGANISATION.ID);
        owner = db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, "charter")
                .set(APP_USER.DISPLAY_NAME, "Chart Maker")
                .set(APP_USER.EMAIL, "charter@example.org")
                .set(APP_USER.PASSWORD_HASH, "{noop}unused")
                .set(APP_USER.CREATED_AT, t0)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    private long dataset(String slug, String state, int dayOffset) {
        return db.insertInto(DATASET)
                .set(DATASET.ORGANISATION_ID, organisation)
                .set(DATASET.SLUG, slug)
                .set(DATASET.TITLE, "Title of " + slug)
                .set(DATASET.STATE, state)
                .set(DATASET.CREATED_AT, t0)
                .set(DATASET.MODIFIED_AT, t0.plusDays(dayOffset))
                .returningResult(DATASET.ID)
                .fetchSingle(DATASET.ID);
    }

    private void visualisation(long dataset, String title, boolean hidden) {
        db.insertInto(VISUALISATION)
                .set(VISUALISATION.DATASET_ID, dataset)
                .set(VISUALISATION.OWNER_ID, owner)
                .set(VISUALISATION.TITLE, title)
                .set(VISUALISATION.HIDDEN, hidden)
                .set(VISUALISATION.CREATED_AT, t0)
                .execute();
    }

    @Test
    void only_published_datasets_are_counted_and_listed_newest_first() {
        dataset("older", "PUBLISHED", 1);
        dataset("newer", "PUBLISHED", 2);
        dataset("draft", "DRAFT", 3);
        dataset("withdrawn", "WITHDRAWN", 4);
        assertThat(catalog.countPublishedDatasets()).isEqualTo(2);
        assertThat(catalog.listPublishedDatasets(0, 10))
                .extracting(DatasetSummary::slug)
                .containsExactly("newer", "older");
        assertThat(catalog.listPublishedDatasets(1, 10))
                .extracting(DatasetSummary::slug)
                .containsExactly("older");
        assertThat(catalog.listPublishedDatasets(0, 10).get(0).organisation()).isEqualTo("Seoul Health");
    }

    @Test
    void hidden_visualisations_and_those_of_unpublished_datasets_are_not_shown() {
        long published = dataset("published", "PUBLISHED", 1);
        long withdrawn = dataset("withdrawn", "WITHDRAWN", 1);
        visualisation(published, "Visible chart", false);
        visualisation(published, "Hidden chart", true);
        visualisation(withdrawn, "Chart of withdrawn data", false);
        assertThat(visualisations.countVisible()).isEqualTo(1);
        assertThat(visualisations.listVisible(0, 10))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.title()).isEqualTo("Visible chart");
                    assertThat(v.author()).isEqualTo("Chart Maker");
                })
                .extracting(VisualisationSummary::datasetTitle)
                .isEqualTo("Title of published");
    }
}
