package org.openplaza.portal.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.HarvestSource;
import org.openplaza.catalog.Harvests;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The harvesting page without a browser: an address the portal may not fetch is refused on its
 * field, and a source's report lists the record that failed and why, in the administrator's words.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class HarvestingViewIT {

    @Autowired
    Harvests harvests;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_address_the_portal_may_not_fetch_is_refused_on_its_field() {
        MockUi.signIn("admin", "ADMIN");
        HarvestingView view = MockUi.navigate("admin/harvesting", HarvestingView.class);
        _get(view, TextField.class, spec -> spec.withId("harvest-title")).setValue("Intranet");
        TextField url = _get(view, TextField.class, spec -> spec.withId("harvest-url"));
        url.setValue("http://10.1.2.3/api/3/action");
        _click(_get(view, Button.class, spec -> spec.withId("harvest-add")));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("inside the portal's own network");
        assertThat(harvests.sources()).noneMatch(s -> s.title().equals("Intranet"));
    }

    @Test
    void a_report_lists_the_records_that_failed_and_why() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/3/action/package_search", exchange -> {
            byte[] bytes = """
                    {"success": true, "result": {"count": 1, "results": [
                      {"id": "x1", "name": "noise", "title": "Noise levels", "notes": "Night noise.",
                       "state": "active", "license_id": "other-closed", "resources": []}]}}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            MockUi.signIn("admin", "ADMIN");
            HarvestingView view = MockUi.navigate("admin/harvesting", HarvestingView.class);
            String title = "Noise portal " + System.nanoTime();
            _get(view, TextField.class, spec -> spec.withId("harvest-title")).setValue(title);
            _get(view, TextField.class, spec -> spec.withId("harvest-url"))
                    .setValue("http://localhost:" + server.getAddress().getPort() + "/");
            _click(_get(view, Button.class, spec -> spec.withId("harvest-add")));
            HarvestSource source = harvests.sources().stream()
                    .filter(s -> s.title().equals(title))
                    .findFirst()
                    .orElseThrow();
            assertThat(source.kind()).isEqualTo(HarvestSource.Kind.CKAN);
            harvests.harvestNow(source.id());

            // away and back: the page reads the sources when it is shown
            MockUi.navigate("admin/fetching", FetchingView.class);
            view = MockUi.navigate("admin/harvesting", HarvestingView.class);
            String card = "harvest-source-" + source.id();
            assertThat(_get(view, Paragraph.class, spec -> spec.withId(card + "-report"))
                            .getText())
                    .isEqualTo("0 new, 0 updated, 0 unchanged, 0 removed, 1 failed.");
            assertThat(_get(view, Paragraph.class, spec -> spec.withId(card + "-mirrored"))
                            .getText())
                    .isEqualTo("No dataset mirrored yet.");
            assertThat(_get(view, UnorderedList.class, spec -> spec.withId(card + "-problems"))
                            .getElement()
                            .getTextRecursively())
                    .startsWith("Noise levels (x1): The licence \"other-closed\" is not one this portal knows");
            _click(_get(view, Button.class, spec -> spec.withId(card + "-remove")));
            assertThat(harvests.sources()).noneMatch(s -> s.id() == source.id());
        } finally {
            server.stop(0);
        }
    }
}
