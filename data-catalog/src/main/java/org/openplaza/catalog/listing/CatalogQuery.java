package org.openplaza.catalog.listing;

import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.ORGANISATION;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.openplaza.catalog.DatasetSummary;
import org.springframework.stereotype.Repository;

/** Read models of the catalogue: only published datasets are ever listed here. */
@Repository
public class CatalogQuery {

    static final String PUBLISHED = "PUBLISHED";

    private final DSLContext db;

    CatalogQuery(DSLContext db) {
        this.db = db;
    }

    public int countPublished() {
        return db.fetchCount(DATASET, DATASET.STATE.eq(PUBLISHED));
    }

    public List<DatasetSummary> listPublished(int offset, int limit) {
        return db.select(
                        DATASET.ID,
                        DATASET.SLUG,
                        DATASET.TITLE,
                        ORGANISATION.NAME,
                        DATASET.MODIFIED_AT.convertFrom(t -> t.toInstant()))
                .from(DATASET)
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .where(DATASET.STATE.eq(PUBLISHED))
                .orderBy(DATASET.MODIFIED_AT.desc(), DATASET.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(DatasetSummary::new));
    }
}
