package org.openplaza.publishing;

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
        String language) {

    /** The EU data-theme vocabulary (http://publications.europa.eu/resource/authority/data-theme). */
    public static final List<String> THEMES = List.of(
            "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN");

    /** The EU frequency vocabulary's common entries (http://publications.europa.eu/resource/authority/frequency). */
    public static final List<String> FREQUENCIES =
            List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "NEVER", "UNKNOWN");

    public static final List<String> LANGUAGES = List.of("en", "ko", "zh", "ja", "de", "fr", "ms", "ta");

    public DatasetMetadata {
        themes = Set.copyOf(themes);
        keywords = List.copyOf(keywords);
    }
}
