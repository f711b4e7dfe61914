package org.openplaza.catalog.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.FetchRules;
import org.openplaza.catalog.FetchRules.Kind;
import org.openplaza.catalog.publishing.TestCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The hosts administrators let the portal fetch from, beside the configuration's (none here): a
 * city's intranet server reached once named an internal host and refused again once removed; an
 * allowed host narrowing fetching to itself. Each change commits, as in the portal, so that the
 * rules are read again as every node reads them.
 */
@SpringBootTest(properties = "spring.datasource.name=committing-fetch-rules-test")
class FetchRulesTest {

    @Autowired
    FetchRules rules;

    @Autowired
    RemoteFiles remote;

    @TempDir
    Path dir;

    HttpServer server;
    String address;

    @BeforeEach
    void an_intranet_server() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bins.csv", exchange -> {
            byte[] bytes = "district,bins\nMapo,3\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        address = "http://localhost:" + server.getAddress().getPort() + "/bins.csv";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        TestCallers.signIn("root", "ADMIN");
        rules.hosts().stream().filter(h -> !h.configured()).forEach(h -> rules.remove(h.host(), h.kind()));
        SecurityContextHolder.clearContext();
    }

    private String refusal() {
        try {
            remote.fetch(address, dir.resolve("f" + System.nanoTime()), 10_000, null, null);
            return "fetched";
        } catch (CatalogException e) {
            return e.messageKey();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void an_administrator_lets_the_portal_reach_an_intranet_server_and_takes_it_back() {
        assertThat(refusal()).isEqualTo("fetch.error.internal");
        TestCallers.signIn("root", "ADMIN");
        rules.add(" LocalHost ", Kind.INTERNAL);
        assertThat(rules.hosts()).anySatisfy(h -> {
            assertThat(h.host()).isEqualTo("localhost");
            assertThat(h.addedBy()).isEqualTo("root");
            assertThat(h.configured()).isFalse();
        });
        assertThat(refusal()).isEqualTo("fetched");

        rules.add("data.gov.sg", Kind.ALLOWED);
        assertThat(refusal()).as("the allowed hosts narrow fetching").isEqualTo("fetch.error.host-not-allowed");
        rules.add("*.localhost", Kind.ALLOWED);
        assertThat(refusal()).as("a domain with its subdomains").isEqualTo("fetched");
        rules.remove("*.localhost", Kind.ALLOWED);
        rules.remove("data.gov.sg", Kind.ALLOWED);

        rules.remove("localhost", Kind.INTERNAL);
        assertThat(refusal()).isEqualTo("fetch.error.internal");
    }

    @Test
    void only_an_administrator_changes_the_hosts_and_only_to_names() {
        TestCallers.signIn("official", "OFFICIAL");
        assertThatThrownBy(() -> rules.add("localhost", Kind.INTERNAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.hosts()).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("root", "ADMIN");
        for (String bad : new String[] {"http://localhost", "a b", "*.", "", "*.intranet", "x".repeat(254)}) {
            Kind kind = bad.startsWith("*.intranet") ? Kind.INTERNAL : Kind.ALLOWED;
            assertThatThrownBy(() -> rules.add(bad, kind))
                    .as(bad)
                    .isInstanceOf(CatalogException.class)
                    .hasMessage("fetching.error.host");
        }
        assertThat(rules.hosts()).noneMatch(h -> !h.configured());
        assertThat(refusal()).isEqualTo("fetch.error.internal");
    }
}
