package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request to a write action without a token is refused before its body is read: an anonymous
 * 100 MB upload is neither spooled to disk nor read to its end, and so is a large anonymous body
 * sent to a read action.
 */
@RunningPortal
class AnonymousUploadIT {

    static final long BODY = 100L * 1024 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    /** Zeros, counting how many the server took. */
    static final class Zeros extends InputStream {
        final AtomicLong read;
        long left;

        Zeros(long size, AtomicLong read) {
            this.left = size;
            this.read = read;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
            left -= n;
            read.addAndGet(n);
            return n;
        }
    }

    /** Sends the body; returns the status, or -1 when the server closed the connection on it. */
    private int send(String path, String contentType, InputStream body, long length) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(
                        length < 0
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> body)
                                : HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException closed) {
            return -1;
        }
    }

    @Test
    void an_anonymous_upload_is_refused_before_its_body_is_read() throws Exception {
        String boundary = "anonymous-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"package_id\"\r\n\r\n1\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicLong sent = new AtomicLong();
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(
                List.of(new ByteArrayInputStream(head), new Zeros(BODY, sent), new ByteArrayInputStream(tail))));
        int status = send(
                "/api/3/action/resource_create",
                "multipart/form-data; boundary=" + boundary,
                body,
                head.length + BODY + tail.length);
        assertThat(status).as("refused (or cut off) without a token").isIn(403, -1);
        assertThat(sent.get())
                .as("bytes of the 100 MB body the server took before refusing")
                .isLessThan(20L * 1024 * 1024);
    }

    @Test
    void a_large_anonymous_body_to_a_read_action_is_refused_unread() throws Exception {
        AtomicLong sent = new AtomicLong();
        byte[] head = "{\"q\": \"".getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head), new Zeros(BODY, sent));
        int status = send("/api/3/action/package_search", "application/json", body, head.length + BODY);
        assertThat(status).isIn(413, -1);
        assertThat(sent.get())
                .as("bytes of the 100 MB search the server took before refusing")
                .isLessThan(10L * 1024 * 1024);

        // sent in chunks, without a length: read up to the limit, then refused
        AtomicLong chunked = new AtomicLong();
        InputStream unannounced = new SequenceInputStream(new ByteArrayInputStream(head), new Zeros(BODY, chunked));
        assertThat(send("/api/3/action/package_search", "application/json", unannounced, -1))
                .isIn(400, 413, -1);
        // what the client wrote includes what the two sockets' buffers hold on loopback (several
        // MB each way), which the server never read: the bound is what refusing early still shows
        assertThat(chunked.get())
                .as("bytes of the unannounced 100 MB search the client could write before the refusal")
                .isLessThan(16L * 1024 * 1024);
    }
}
