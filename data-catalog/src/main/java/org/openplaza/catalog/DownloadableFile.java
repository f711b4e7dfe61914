package org.openplaza.catalog;

import java.nio.file.Path;

/** A version's file as uploaded, with the name and media type to serve it under. */
public record DownloadableFile(long datasetId, Path path, String filename, String mediaType, long bytes) {}
