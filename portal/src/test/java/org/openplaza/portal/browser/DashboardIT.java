package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.api.CkanClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A visitor watches a dashboard of a sensor's live table while the city's system pushes readings
 * through CKAN's DataStore API: the key figure is redrawn in the open page, by server push,
 * without the page reloading, and says so to screen readers; the page passes axe before and after.
 * The dashboard's embed, open in the browser, is redrawn the same way. A citizen asks to be told
 * when the figure crosses a threshold, and finds the notice among her notifications.
 */
class DashboardIT extends BrowserTest {

    @Autowired
    DashboardService dashboards;

    @Autowired
    DatasetReader reader;

    @Autowired
    RunAs runAs;

    @Test
    void a_dashboard_redraws_while_readings_are_pushed() throws Exception {
        CkanClient ckan = new CkanClient(port);
        String pkg = ckan.createPackage("River level, live " + System.nanoTime());
        HttpResponse<String> created = ckan.post("datastore_create", DemoAccounts.OFFICIAL_TOKEN, """
                {"resource": {"package_id": "%s", "name": "readings"},
                 "fields": [{"id": "gauge", "type": "text"},
                            {"id": "read_at", "type": "timestamp"},
                            {"id": "level_m", "type": "numeric", "info": {"label": "Level (m)"}}],
                 "primary_key": ["gauge", "read_at"],
                 "records": [{"gauge": "G1", "read_at": "2026-12-01T06:00:00", "level_m": 1.5},
                             {"gauge": "G1", "read_at": "2026-12-02T06:00:00", "level_m": 2.5}]}
                """.formatted(pkg));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String resource =
                CkanClient.json(created).get("result").get("resource_id").asText();
        assertThat(ckan.post(
                                "package_patch",
                                DemoAccounts.OFFICIAL_TOKEN,
                                "{\"id\": \"" + pkg + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);
        long[] ids = new long[2];
        runAs.run(officialOf(), () -> {
            long dataset = reader.byIdOrSlug(pkg).orElseThrow().id();
            ids[0] = dashboards.create("The river today", "The highest level of the day at gauge G1.");
            ids[1] = dashboards.addFigure(
                    ids[0],
                    "Highest level of the day",
                    new KeyFigure(dataset, "level_m", GroupRequest.Aggregation.MAX, "read_at", GroupRequest.Bucket.DAY),
                    true);
        });
        String value = "#tile-" + ids[1] + "-value";

        open("/dashboard/" + ids[0]);
        assertThat(find("#dashboard-heading").getText()).isEqualTo("The river today");
        assertThat(find(value).getText()).isEqualTo("2.5");
        assertThat(find("#tile-" + ids[1] + "-change").getText()).isEqualTo("Up +1 (+67%) from 2026-12-01");
        waiting().until(d -> present("#tile-" + ids[1] + " .key-figure-trend svg path"));
        assertAccessible("dashboard");
        // a mark a reload would wipe
        js("window.openplazaNotReloaded = true;");

        HttpResponse<String> pushed =
                ckan.post("datastore_upsert", DemoAccounts.OFFICIAL_TOKEN, """
                {"resource_id": "%s", "method": "insert",
                 "records": [{"gauge": "G1", "read_at": "2026-12-03T06:00:00", "level_m": 3.75}]}
                """.formatted(resource));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

        waiting()
                .withMessage("the figure redrawn")
                .until(d -> find(value).getText().equals("3.75"));
        assertThat(js("return window.openplazaNotReloaded === true"))
                .as("not reloaded")
                .isEqualTo(true);
        assertThat(find("#tile-" + ids[1] + "-change").getText()).isEqualTo("Up +1.25 (+50%) from 2026-12-02");
        assertThat(find("#dashboard-" + ids[0] + "-status").getText()).startsWith("Redrawn with new data at ");
        assertThat(find("#dashboard-" + ids[0] + "-status").getDomAttribute("role"))
                .isEqualTo("status");
        assertAccessible("dashboard, redrawn");

        JsonNode shown = CkanClient.json(ckan.get("package_show", "id=" + pkg)).get("result");
        assertThat(shown.get("resources").get(0).get("rows").asInt()).isEqualTo(3);

        // the embed: the figure as it is now, in words, with what people wrote escaped
        runAs.run(officialOf(), () -> dashboards.describe(ids[0], "<img src=x onerror=alert(1)> River", ""));
        HttpResponse<String> embed = get("/embed/dashboard/" + ids[0] + "?lang=en");
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors *");
        assertThat(embed.body())
                .contains("<html lang=\"en\"", "<p class=\"v\">3.75</p>", "Up +1.25 (+50%) from 2026-12-02")
                .contains("&lt;img src=x onerror=alert(1)&gt; River")
                .doesNotContain("<img src=x");
        assertThat(get("/embed/dashboard/999999999").statusCode()).isEqualTo(404);
        assertThat(get("/embed/dashboard/999999999/changes").statusCode()).isEqualTo(404);

        // the embed in a browser, redrawn as a reading comes, without reloading
        driver.get(base() + "/embed/dashboard/" + ids[0] + "?lang=en");
        String embedded = "#tile-" + ids[1] + " .v";
        assertThat(find(embedded).getText()).isEqualTo("3.75");
        waiting().withMessage("the embed's stream open").until(d -> present("main[data-live=open]"));
        assertAccessibleAsItIs("dashboard embed");
        js("window.openplazaNotReloaded = true;");
        pushed = ckan.post("datastore_upsert", DemoAccounts.OFFICIAL_TOKEN, """
                {"resource_id": "%s", "method": "insert",
                 "records": [{"gauge": "G1", "read_at": "2026-12-04T06:00:00", "level_m": 4.5}]}
                """.formatted(resource));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        waiting()
                .withMessage("the embed redrawn")
                .until(d -> find(embedded).getText().equals("4.5"));
        assertThat(js("return window.openplazaNotReloaded === true"))
                .as("not reloaded")
                .isEqualTo(true);
        assertThat(find("#tile-" + ids[1]).getText()).contains("Up +0.75 (+20%) from 2026-12-03");
        assertThat(find("#embed-status").getText()).startsWith("Redrawn with new data at ");
        assertAccessibleAsItIs("dashboard embed, redrawn");

        // a citizen asks to be told when the figure goes above 5 m, and is told once a reading does
        signIn("newcomer", "plaza-newcomer-demo");
        open("/dashboard/" + ids[0]);
        click("#tile-" + ids[1] + "-alert");
        org.openqa.selenium.WebElement threshold = find("#alert-threshold input");
        threshold.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "5");
        click("#alert-save");
        waiting()
                .withMessage("the alert shown on its tile")
                .until(d -> find("#tile-" + ids[1]).getText().contains("You are notified when it goes above 5."));
        assertAccessible("dashboard with an alert");
        pushed = ckan.post("datastore_upsert", DemoAccounts.OFFICIAL_TOKEN, """
                {"resource_id": "%s", "method": "insert",
                 "records": [{"gauge": "G1", "read_at": "2026-12-05T06:00:00", "level_m": 5.5}]}
                """.formatted(resource));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        waiting().withMessage("told among the notifications").until(d -> {
            open("/notifications");
            return find("#notifications-list")
                    .getText()
                    .contains("A key figure you watch went above 5 (5.5 in 2026-12-05)");
        });
        assertAccessible("notifications with an alert");
        // signed out again: other tests count this account's sessions
        click("#sign-out");
        open("/account");
        assertThat(currentPath()).startsWith("/login");

        // hidden by an administrator: no embed, no stream of its changes
        runAs.run(admin(), () -> dashboards.hide(ids[0], "Hidden for the test."));
        assertThat(get("/embed/dashboard/" + ids[0]).statusCode()).isEqualTo(404);
        assertThat(get("/embed/dashboard/" + ids[0] + "/tiles").statusCode()).isEqualTo(404);
        assertThat(get("/embed/dashboard/" + ids[0] + "/changes").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static org.springframework.security.authentication.UsernamePasswordAuthenticationToken officialOf() {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "official",
                "n/a",
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_OFFICIAL"));
    }
}
