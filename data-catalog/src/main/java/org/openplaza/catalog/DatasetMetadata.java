package org.openplaza.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an official says about a dataset, aligned with DCAT-AP: the publisher is the organisation,
 * themes come from the EU data-theme vocabulary, the frequency from the EU frequency vocabulary.
 */
public record DatasetMetadata(
        long organisationId,
        String title,
        String description,
        @Nullable String contactName,
        @Nullable String contactEmail,
        Set<String> themes,
        List<String> keywords,
        String licence,
        String updateFrequency,
        @Nullable LocalDate temporalFrom,
        @Nullable LocalDate temporalTo,
        @Nullable String spatial,
        String language,
        java.util.Map<String, Translation> translations) {

    /** The title, description and keywords in another language than the dataset's own. */
    public record Translation(String title, String description, List<String> keywords) {

        public Translation {
            title = title.strip();
            description = description.strip();
            keywords = keywords.stream()
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .distinct()
                    .toList();
        }
    }

    /** Metadata in the dataset's own language only. */
    public DatasetMetadata(
            long organisationId,
            String title,
            String description,
            @Nullable String contactName,
            @Nullable String contactEmail,
            Set<String> themes,
            List<String> keywords,
            String licence,
            String updateFrequency,
            @Nullable LocalDate temporalFrom,
            @Nullable LocalDate temporalTo,
            @Nullable String spatial,
            String language) {
        this(
                organisationId,
                title,
                description,
                contactName,
                contactEmail,
                themes,
                keywords,
                licence,
                updateFrequency,
                temporalFrom,
                temporalTo,
                spatial,
                language,
                java.util.Map.of());
    }

    /** The same metadata with these translations instead. */
    public DatasetMetadata withTranslations(java.util.Map<String, Translation> others) {
        return new DatasetMetadata(
                organisationId,
                title,
                description,
                contactName,
                contactEmail,
                themes,
                keywords,
                licence,
                updateFrequency,
                temporalFrom,
                temporalTo,
                spatial,
                language,
                others);
    }

    /**
     * The translation a reader of this language sees: the dataset's own text when it is in that
     * language or has no translation into it.
     */
    public Translation in(@Nullable String readerLanguage) {
        Translation translated =
                readerLanguage == null || readerLanguage.equals(language) ? null : translations.get(readerLanguage);
        return translated != null ? translated : new Translation(title, description, keywords);
    }

    /** The EU data-theme vocabulary (http://publications.europa.eu/resource/authority/data-theme). */
    public static final List<String> THEMES = List.of(
            "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN");

    /** The EU frequency vocabulary's common entries (http://publications.europa.eu/resource/authority/frequency). */
    public static final List<String> FREQUENCIES = List.of(
            "UPDATE_CONT", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "NEVER", "UNKNOWN");

    public static final List<String> LANGUAGES = List.of("en", "ko", "zh", "ja", "de", "fr", "ms", "ta");

    public DatasetMetadata {
        themes = Set.copyOf(themes);
        keywords = List.copyOf(keywords);
        translations = java.util.Map.copyOf(translations);
    }
}
