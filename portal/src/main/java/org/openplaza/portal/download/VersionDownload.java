package org.openplaza.portal.download;

import java.nio.charset.StandardCharsets;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.DownloadableFile;
import org.openplaza.catalog.PublishingService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each version's file exactly as it was uploaded, streamed from disk: by anyone once the dataset is
 * published, by its publishers before. Earlier versions stay downloadable after a new one.
 */
@RestController
class VersionDownload {

    private final PublishingService publishing;
    private final DatasetReader reader;

    VersionDownload(PublishingService publishing, DatasetReader reader) {
        this.publishing = publishing;
        this.reader = reader;
    }

    @GetMapping("/download/version/{id}")
    ResponseEntity<FileSystemResource> original(@PathVariable("id") long id) {
        return publishing
                .originalFile(id)
                .map(file -> {
                    reader.countDownload(file.datasetId());
                    return serve(file);
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<FileSystemResource> serve(DownloadableFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.bytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(file.path()));
    }
}
