package org.openplaza.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The portal under load, as its users use it, for a fixed time with a fixed number of users at once
 * (each without think time, so the figure is what the portal serves at most):
 *
 * <ul>
 *   <li>open data clients: a search, a dataset's metadata, a page of its rows (CKAN's Action API),
 *       and the download of its file;
 *   <li>visitors: the catalogue and a dataset's page as a browser loads them: the page, Vaadin's
 *       request that makes the UI ({@code v-r=init}) and the event that builds the view on the
 *       server ({@code ui-navigate}), each visit a new session;
 *   <li>citizens, when accounts are given: one signs in (the form, as the browser posts it), opens
 *       the open votes, a proposal collecting support and supports it (a click on its button,
 *       sent as Vaadin sends it), then the vote, chooses an option, casts the ballot and confirms
 *       it, and is shown the receipt; each visit a citizen who has not voted yet.
 * </ul>
 *
 * <p>Every iteration comes from a client address of its own ({@code X-Forwarded-For}), as many
 * people would, so per-address limits apply as they do in life. Settings (system properties):
 * {@code baseUrl} (http://localhost:8080), {@code users} (40, split between the kinds) and
 * {@code seconds} (60); for citizens, {@code citizens} (the accounts' username prefix, numbered
 * from 1; none by default), {@code citizenPassword}, {@code vote} (an open yes/no vote) and
 * {@code proposals} (ids of proposals collecting support, comma-separated).
 */
public class PortalSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://localhost:8080");
    static final int USERS = Integer.getInteger("users", 40);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("seconds", 60));
    static final String CITIZENS = System.getProperty("citizens", "");
    static final String CITIZEN_PASSWORD = System.getProperty("citizenPassword", "plaza-citizen-demo");

    /** The published datasets and their first resource, read once before the run. */
    static List<Map<String, Object>> datasets() {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> found = new ArrayList<>();
        try {
            JsonNode list = json.readTree(get(client, "/api/3/action/package_list"));
            for (JsonNode name : list.get("result")) {
                JsonNode dataset = json.readTree(get(
                                client,
                                "/api/3/action/package_show?id="
                                        + URLEncoder.encode(name.asText(), StandardCharsets.UTF_8)))
                        .get("result");
                if (dataset.get("resources").isEmpty()) {
                    continue;
                }
                JsonNode resource = dataset.get("resources").get(0);
                Map<String, Object> row = new HashMap<>();
                row.put("slug", dataset.get("name").asText());
                row.put("word", dataset.get("title").asText().split("\\W+")[0]);
                row.put("resource", resource.get("id").asText());
                row.put("download", URI.create(resource.get("url").asText()).getPath());
                found.add(row);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the portal at " + BASE + " could not be read: " + e, e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the portal at " + BASE + " publishes no dataset with a file");
        }
        return found;
    }

    private static String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .header("X-Forwarded-For", address())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A client address from the documentation ranges and private ones, new for each visit. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static final Iterator<Map<String, Object>> ADDRESSES =
            Stream.generate(() -> Map.<String, Object>of("address", address())).iterator();

    final List<Map<String, Object>> catalogue = datasets();

    final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("OpenPlaza load test (Gatling)")
            .header("X-Forwarded-For", "#{address}");

    final ChainBuilder openData = exec(
                    http("API package_search").get("/api/3/action/package_search?q=#{word}&rows=10"),
                    http("API package_show").get("/api/3/action/package_show?id=#{slug}"),
                    http("API datastore_search")
                            .get("/api/3/action/datastore_search?resource_id=#{resource}&limit=100&offset=20"),
                    http("download (CSV as uploaded)").get("#{download}"))
            .exitHereIfFailed();

    final ChainBuilder visit = exec(flushCookieJar())
            .exec(VaadinUi.open("catalogue", "catalog", "catalog-results"))
            .exec(VaadinUi.open("dataset", "dataset/#{slug}", "dataset-heading"));

    static final Iterator<Map<String, Object>> CITIZEN_ACCOUNTS = Stream.iterate(1, i -> i + 1)
            .map(i -> Map.<String, Object>of(
                    "username",
                    CITIZENS + i,
                    "choice",
                    Integer.toString(1 + ThreadLocalRandom.current().nextInt(3))))
            .iterator();

    final ChainBuilder citizen = exec(
                    flushCookieJar(),
                    http("page: sign in")
                            .get("/login")
                            .check(regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")),
                    http("sign in")
                            .post("/login")
                            .header("Origin", BASE)
                            .formParam("username", "#{username}")
                            .formParam("password", CITIZEN_PASSWORD)
                            .formParam("_csrf", "#{csrf}")
                            .check(
                                    status().is(200),
                                    currentLocationRegex("/login").notExists()))
            .exitHereIfFailed()
            .exec(VaadinUi.open("votes", "votes", "votes-open"))
            .exec(VaadinUi.open("proposal", "proposal/#{proposal}", "proposal-heading"))
            // a proposal that reached its threshold during the run takes no more supports
            .doIf(session -> VaadinUi.has(session, "proposal-support-button"))
            .then(VaadinUi.click("support", "proposal-support-button", "proposal-withdraw"))
            .exec(VaadinUi.open("vote", "vote/#{vote}", "ballot-one"))
            .exec(VaadinUi.value("ballot: choose", "ballot-one", "#{choice}"))
            .exec(VaadinUi.click("ballot: cast", "vote-cast", "vote-confirm"))
            .exec(VaadinUi.click("ballot: confirm", "vote-confirm", "vote-receipt"));

    final ScenarioBuilder clients = scenario("open data client")
            .forever()
            .on(feed(ADDRESSES).feed(listFeeder(catalogue).circular()).exec(openData));

    final ScenarioBuilder visitors = scenario("anonymous visitor")
            .forever()
            .on(feed(ADDRESSES).feed(listFeeder(catalogue).random()).exec(visit));

    static List<Map<String, Object>> proposals() {
        return Stream.of(System.getProperty("proposals", "").split(","))
                .filter(id -> !id.isBlank())
                .map(id -> Map.<String, Object>of("proposal", id.strip(), "vote", Long.getLong("vote", 0)))
                .toList();
    }

    {
        if (CITIZENS.isEmpty()) {
            int half = Math.max(1, USERS / 2);
            setUp(
                            clients.injectClosed(constantConcurrentUsers(half).during(DURATION)),
                            visitors.injectClosed(constantConcurrentUsers(half).during(DURATION)))
                    .protocols(protocol)
                    .maxDuration(DURATION);
        } else {
            int third = Math.max(1, USERS / 3);
            ScenarioBuilder citizens = scenario("signed-in citizen")
                    .forever()
                    .on(feed(ADDRESSES)
                            .feed(CITIZEN_ACCOUNTS)
                            .feed(listFeeder(proposals()).random())
                            .exec(citizen));
            setUp(
                            clients.injectClosed(constantConcurrentUsers(third).during(DURATION)),
                            visitors.injectClosed(constantConcurrentUsers(third).during(DURATION)),
                            citizens.injectClosed(
                                    constantConcurrentUsers(USERS - 2 * third).during(DURATION)))
                    .protocols(protocol)
                    .maxDuration(DURATION);
        }
    }
}
