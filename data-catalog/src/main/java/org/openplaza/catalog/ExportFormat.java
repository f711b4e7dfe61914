package org.openplaza.catalog;

/** The forms in which a version's rows can be downloaded. */
public enum ExportFormat {
    /** UTF-8 CSV. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** UTF-8 CSV with a byte-order mark, which spreadsheet programs need to read it as UTF-8. */
    CSV_BOM("text/csv; charset=UTF-8", "csv"),
    /** {@code {"fields": [...], "records": [...]}}, as CKAN's datastore_search answers. */
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
