package org.openplaza.catalog.publishing;

import static org.openplaza.db.catalog.Tables.DATASET_TRANSLATION;
import static org.openplaza.db.catalog.Tables.DATASET_TRANSLATION_KEYWORD;

import java.util.HashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.openplaza.catalog.DatasetMetadata;

/** A dataset's title, description and keywords in other languages, as the catalogue's queries read them. */
public final class DatasetTranslations {

    private DatasetTranslations() {}

    /** The translations of the dataset of this id, by language, as a field of a query over datasets. */
    public static Field<Map<String, DatasetMetadata.Translation>> of(Field<Long> datasetId) {
        return DSL.multiset(DSL.select(
                                DATASET_TRANSLATION.LANGUAGE,
                                DATASET_TRANSLATION.TITLE,
                                DATASET_TRANSLATION.DESCRIPTION,
                                DSL.multiset(DSL.select(DATASET_TRANSLATION_KEYWORD.KEYWORD)
                                                .from(DATASET_TRANSLATION_KEYWORD)
                                                .where(DATASET_TRANSLATION_KEYWORD.DATASET_ID.eq(
                                                        DATASET_TRANSLATION.DATASET_ID))
                                                .and(DATASET_TRANSLATION_KEYWORD.LANGUAGE.eq(
                                                        DATASET_TRANSLATION.LANGUAGE))
                                                .orderBy(DATASET_TRANSLATION_KEYWORD.KEYWORD))
                                        .convertFrom(r -> r.map(Record1::value1)))
                        .from(DATASET_TRANSLATION)
                        .where(DATASET_TRANSLATION.DATASET_ID.eq(datasetId)))
                .convertFrom(r -> {
                    Map<String, DatasetMetadata.Translation> byLanguage = new HashMap<>();
                    r.forEach(t -> byLanguage.put(
                            t.value1(), new DatasetMetadata.Translation(t.value2(), t.value3(), t.value4())));
                    return byLanguage;
                });
    }
}
