package org.openplaza.catalog.search;

import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.DATASET_COLUMN;
import static org.openplaza.db.catalog.Tables.DATASET_KEYWORD;
import static org.openplaza.db.catalog.Tables.DATASET_THEME;
import static org.openplaza.db.catalog.Tables.DATASET_VERSION;
import static org.openplaza.db.catalog.Tables.ORGANISATION;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads the published datasets, as the index holds them, from the catalogue's tables. */
@Repository
public class IndexSource {

    private final DSLContext db;

    IndexSource(DSLContext db) {
        this.db = db;
    }

    public List<IndexedDataset> published() {
        return read(DSL.noCondition());
    }

    public List<IndexedDataset> published(long id) {
        return read(DATASET.ID.eq(id));
    }

    private List<IndexedDataset> read(Condition condition) {
        return db.select(
                        DATASET.ID,
                        DATASET.SLUG,
                        DATASET.TITLE,
                        DATASET.DESCRIPTION,
                        ORGANISATION.NAME,
                        DSL.multiset(DSL.select(DATASET_KEYWORD.KEYWORD)
                                        .from(DATASET_KEYWORD)
                                        .where(DATASET_KEYWORD.DATASET_ID.eq(DATASET.ID)))
                                .convertFrom(r -> r.getValues(DATASET_KEYWORD.KEYWORD)),
                        DSL.multiset(DSL.select(DATASET_THEME.THEME)
                                        .from(DATASET_THEME)
                                        .where(DATASET_THEME.DATASET_ID.eq(DATASET.ID)))
                                .convertFrom(r -> r.getValues(DATASET_THEME.THEME)),
                        DATASET.LICENCE,
                        DATASET_VERSION.FILE_FORMAT,
                        DSL.multiset(DSL.select(DATASET_COLUMN.LABEL)
                                        .from(DATASET_COLUMN)
                                        .where(DATASET_COLUMN.VERSION_ID.eq(DATASET.CURRENT_VERSION_ID))
                                        .orderBy(DATASET_COLUMN.POSITION))
                                .convertFrom(r -> r.getValues(DATASET_COLUMN.LABEL)),
                        DATASET.ISSUED_AT.convertFrom(t -> t == null ? null : t.toInstant()),
                        DATASET.MODIFIED_AT.convertFrom(OffsetDateTime::toInstant),
                        DSL.coalesce(DATASET_VERSION.ROW_COUNT, 0L),
                        DATASET.VIEW_COUNT,
                        DATASET.DOWNLOAD_COUNT,
                        org.openplaza.catalog.publishing.DatasetTranslations.of(DATASET.ID))
                .from(DATASET)
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .leftJoin(DATASET_VERSION)
                .on(DATASET_VERSION.ID.eq(DATASET.CURRENT_VERSION_ID))
                .where(DATASET.STATE.eq("PUBLISHED"))
                .and(condition)
                .fetch(Records.mapping(IndexedDataset::new));
    }

    /** The view and download counts of every published dataset, by id. */
    public java.util.Map<Long, long[]> allCounters() {
        return db.select(DATASET.ID, DATASET.VIEW_COUNT, DATASET.DOWNLOAD_COUNT)
                .from(DATASET)
                .where(DATASET.STATE.eq("PUBLISHED"))
                .fetchMap(DATASET.ID, r -> new long[] {r.get(DATASET.VIEW_COUNT), r.get(DATASET.DOWNLOAD_COUNT)});
    }

    /** The view and download counts of one dataset. */
    public long[] counters(long id) {
        return db.select(DATASET.VIEW_COUNT, DATASET.DOWNLOAD_COUNT)
                .from(DATASET)
                .where(DATASET.ID.eq(id))
                .fetchOptional(Records.mapping((viewCount, downloadCount) -> new long[] {viewCount, downloadCount}))
                .orElse(new long[] {0, 0});
    }
}
