package org.openplaza.catalog.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openplaza.catalog.CatalogException;

/**
 * Fetching a file as an attacker would aim it: at the portal's own machine and network, by name,
 * by number, by redirect; and as a city's server answers: with a file, a name, an ETag.
 */
class RemoteFilesTest {

    static final byte[] CSV = "station,rain_mm\nChangi,12.5\nNewton,8\n".getBytes(StandardCharsets.UTF_8);

    HttpServer server;
    int port;
    final AtomicInteger requests = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeEach
    void a_server_on_this_machine() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rain.csv", exchange -> {
            requests.incrementAndGet();
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"rainfall-2026.csv\"");
            exchange.sendResponseHeaders(200, CSV.length);
            exchange.getResponseBody().write(CSV);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/rain.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-loopback", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/rain.csv");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RemoteFiles remote(List<String> allowed, List<String> internalAllowed) {
        return new RemoteFiles(
                new FetchProperties(allowed, internalAllowed, Duration.ofSeconds(2), Duration.ofSeconds(5), 3));
    }

    private static String reason(Throwable e) {
        return ((CatalogException) e).messageKey();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "fc12:3456::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe"
            })
    void internal_addresses_are_recognised(String address) throws Exception {
        assertThat(RemoteFiles.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "203.0.114.7", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void public_addresses_are_not(String address) throws Exception {
        assertThat(RemoteFiles.internal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:%d/rain.csv",
                "http://localhost:%d/rain.csv",
                "http://[::ffff:127.0.0.1]:%d/rain.csv",
                "http://2130706433:%d/rain.csv",
                "http://0x7f.0.0.1:%d/rain.csv",
                "http://0177.0.0.1:%d/rain.csv",
                "http://127.1:%d/rain.csv"
            })
    void the_portals_own_machine_is_never_fetched_by_default(String address) {
        String url = address.formatted(port);
        assertThatThrownBy(() -> remote(List.of(), List.of()).fetch(url, dir.resolve("x"), 1_000_000, null, null))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(reason(e))
                        .isIn("fetch.error.internal", "fetch.error.unreachable", "fetch.error.address"));
        assertThat(requests).as("no request reached the server").hasValue(0);
    }

    @Test
    void only_http_and_https_and_no_credentials_in_the_address() {
        RemoteFiles remote = remote(List.of(), List.of("localhost"));
        for (String url : List.of(
                "file:///etc/passwd", "ftp://localhost/rain.csv", "jar:file:/x.jar!/a", "gopher://localhost/")) {
            assertThatThrownBy(() -> remote.fetch(url, dir.resolve("x"), 1000, null, null))
                    .as(url)
                    .satisfies(e -> assertThat(reason(e)).isIn("fetch.error.scheme", "fetch.error.address"));
        }
        assertThatThrownBy(() -> remote.fetch(
                        "http://user:pw@localhost:" + port + "/rain.csv", dir.resolve("x"), 1000, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("fetch.error.address"));
        assertThat(requests).hasValue(0);
    }

    @Test
    void a_host_named_as_internal_is_fetched_with_its_name_and_etag_and_a_redirect_elsewhere_inside_is_not()
            throws Exception {
        RemoteFiles remote = remote(List.of(), List.of("localhost"));
        RemoteFiles.Fetched fetched =
                remote.fetch("http://localhost:" + port + "/moved", dir.resolve("rain"), 1_000_000, null, null);
        assertThat(Files.readAllBytes(fetched.file())).isEqualTo(CSV);
        assertThat(fetched.filename()).isEqualTo("rainfall-2026.csv");
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.from().getPath()).isEqualTo("/rain.csv");
        assertThat(fetched.notModified()).isFalse();

        RemoteFiles.Fetched again =
                remote.fetch("http://localhost:" + port + "/rain.csv", dir.resolve("again"), 1_000_000, "\"v1\"", null);
        assertThat(again.notModified()).isTrue();
        assertThat(dir.resolve("again")).doesNotExist();

        assertThatThrownBy(() -> remote.fetch(
                        "http://localhost:" + port + "/to-loopback", dir.resolve("x"), 1_000_000, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("fetch.error.internal"));
        assertThatThrownBy(() ->
                        remote.fetch("http://localhost:" + port + "/loop", dir.resolve("x"), 1_000_000, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("fetch.error.redirects"));
        assertThatThrownBy(() ->
                        remote.fetch("http://localhost:" + port + "/nothing", dir.resolve("x"), 1_000_000, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("fetch.error.status"));
        assertThatThrownBy(
                        () -> remote.fetch("http://localhost:" + port + "/rain.csv", dir.resolve("x"), 10, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("publish.error.too-large"));
    }

    @Test
    void with_a_list_of_hosts_no_other_host_is_fetched() {
        RemoteFiles remote = remote(List.of("data.gov.sg", "*.go.kr"), List.of("localhost"));
        assertThatThrownBy(() ->
                        remote.fetch("http://localhost:" + port + "/rain.csv", dir.resolve("x"), 1000, null, null))
                .satisfies(e -> assertThat(reason(e)).isEqualTo("fetch.error.host-not-allowed"));
        assertThat(FetchProperties.matches(List.of("*.go.kr"), "data.seoul.go.kr"))
                .isTrue();
        assertThat(FetchProperties.matches(List.of("*.go.kr"), "evilgo.kr")).isFalse();
        assertThat(requests).hasValue(0);
    }
}
