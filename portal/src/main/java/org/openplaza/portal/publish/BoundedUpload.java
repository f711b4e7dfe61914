package org.openplaza.portal.publish;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams an upload to a temporary file and enforces the size limit on the server while it
 * streams: the browser's own limit is a courtesy that a forged request skips. A declared size over
 * the limit is refused before a byte is written; a stream that runs past it is cut off and its
 * temporary file deleted, so an oversized upload never fills the disk.
 */
final class BoundedUpload implements UploadHandler {

    /** What happens with an upload: it arrived whole, or it was too large. */
    interface Outcome {
        void received(String filename, Path file);

        void tooLarge(long limit);
    }

    private final long limit;
    private final Outcome outcome;

    BoundedUpload(long limit, Outcome outcome) {
        this.limit = limit;
        this.outcome = outcome;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > limit) {
            outcome.tooLarge(limit);
            throw new IOException("upload declared " + event.getFileSize() + " bytes, over the limit");
        }
        Path file = Files.createTempFile("openplaza-upload-", ".csv");
        try (InputStream in = event.getInputStream();
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                written += read;
                if (written > limit) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (TooLarge e) {
            Files.deleteIfExists(file);
            outcome.tooLarge(limit);
            throw new IOException("upload ran over the limit", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        outcome.received(event.getFileName(), file);
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
