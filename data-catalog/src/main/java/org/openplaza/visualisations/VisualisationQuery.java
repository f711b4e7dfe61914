package org.openplaza.visualisations;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.VISUALISATION;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Read models of the gallery: hidden visualisations and those of unpublished datasets never show. */
@Repository
class VisualisationQuery {

    private final DSLContext db;

    VisualisationQuery(DSLContext db) {
        this.db = db;
    }

    private static Condition visible() {
        return VISUALISATION.HIDDEN.isFalse().and(DATASET.STATE.eq("PUBLISHED"));
    }

    int countVisible() {
        return db.fetchCount(db.selectOne()
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .where(visible()));
    }

    List<VisualisationSummary> listVisible(int offset, int limit) {
        return db.select(
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        DATASET.TITLE,
                        APP_USER.DISPLAY_NAME,
                        VISUALISATION.CREATED_AT.convertFrom(t -> t.toInstant()))
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(VISUALISATION.OWNER_ID))
                .where(visible())
                .orderBy(VISUALISATION.CREATED_AT.desc(), VISUALISATION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(VisualisationSummary::new));
    }
}
