-- A dataset's title, description and keywords in the portal's other languages (DCAT-AP's
-- language-tagged literals): the dataset's own text is in its language (catalog.dataset.language);
-- each row here is the same text in another, shown to readers of that language and found by
-- their searches.
CREATE TABLE catalog.dataset_translation (
    dataset_id  BIGINT         NOT NULL,
    language    VARCHAR(8)     NOT NULL,
    title       VARCHAR(300)   NOT NULL,
    description VARCHAR(10000) DEFAULT '' NOT NULL,
    CONSTRAINT dataset_translation_pk PRIMARY KEY (dataset_id, language),
    CONSTRAINT dataset_translation_dataset_fk FOREIGN KEY (dataset_id) REFERENCES catalog.dataset (id) ON DELETE CASCADE
);

CREATE TABLE catalog.dataset_translation_keyword (
    dataset_id BIGINT       NOT NULL,
    language   VARCHAR(8)   NOT NULL,
    keyword    VARCHAR(100) NOT NULL,
    CONSTRAINT dataset_translation_keyword_pk PRIMARY KEY (dataset_id, language, keyword),
    CONSTRAINT dataset_translation_keyword_fk FOREIGN KEY (dataset_id, language)
        REFERENCES catalog.dataset_translation (dataset_id, language) ON DELETE CASCADE
);
