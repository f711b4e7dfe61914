package org.openplaza.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.api.CkanClient;
import org.openplaza.portal.browser.Browser;
import org.openplaza.portal.testdata.RealDatasets;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The cluster as an operator runs it: {@code deploy/cluster} starts two nodes of the built portal
 * on one PostgreSQL database and one shared directory, with HAProxy in front (Debian's package and
 * {@code deploy/haproxy.cfg}). What one node publishes, the other finds, serves and downloads;
 * what one withdraws is gone from the other; the API's rate limit is one budget for both; a vote
 * opened on one node takes ballots on both and is counted once; HAProxy keeps a client on its node
 * and, when that node is killed, sends it to the other, where a citizen who was signed in signs in
 * again, finds what she had saved, and writes go on. The nodes run the production jar, so the
 * browser drives the portal as users meet it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Requests per minute per client address, for both nodes together. */
    static final int API_LIMIT = 120;

    static Path dir;
    static int front;
    static int node1;
    static int node2;
    static Map<String, String> environment;

    static String datasetId;
    static String datasetName;
    static long voteId;

    /** Where the browser goes: HAProxy unless a test sends it to one node. */
    static String at;

    @Override
    protected String base() {
        return at;
    }

    @Override
    protected String portal() {
        // the nodes share one database: an authenticator code used on one is used on both
        return "cluster";
    }

    /** Sends the browser to this port, signed out: sessions live on one node, cookies per host. */
    private void goTo(int port) {
        at = "http://127.0.0.1:" + port;
        open("/");
        driver.manage().deleteAllCookies();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path project() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("deploy/cluster")) ? here : here.getParent();
    }

    private static void cluster(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", project().resolve("deploy/cluster").toString(), command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("cluster-" + command + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(6, TimeUnit.MINUTES))
                .as("deploy/cluster " + command)
                .isTrue();
        assertThat(process.exitValue())
                .as("deploy/cluster %s: %s", command, Files.readString(dir.resolve("cluster-" + command + ".log")))
                .isZero();
    }

    @BeforeAll
    static void startTheCluster() throws Exception {
        dir = Files.createDirectories(project().resolve("portal/target/cluster-it"));
        front = freePort();
        node1 = freePort();
        node2 = freePort();
        String server = System.getProperty("openplaza.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres");
        String user = System.getProperty("openplaza.test.postgres.user", "openplaza_test");
        String password = System.getProperty("openplaza.test.postgres.password", "openplaza_test");
        String database = "opz_cluster_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        URI uri = URI.create(server.substring("jdbc:".length()));
        environment = Map.of(
                "OPENPLAZA_CLUSTER_DIR",
                dir.resolve("run-" + database).toString(),
                "OPENPLAZA_DB_URL",
                "jdbc:postgresql://" + uri.getAuthority() + "/" + database,
                "OPENPLAZA_DB_USER",
                user,
                "OPENPLAZA_DB_PASSWORD",
                password,
                "OPENPLAZA_FRONT_PORT",
                Integer.toString(front),
                "OPENPLAZA_NODE_PORTS",
                node1 + " " + node2,
                "OPENPLAZA_NODE_ARGS",
                "--openplaza.api.requests-per-minute=" + API_LIMIT,
                "OPENPLAZA_JAR",
                System.getProperty(
                        "openplaza.test.cluster.jar",
                        project()
                                .resolve("portal/target/openplaza-portal-cluster.jar")
                                .toString()),
                "JAVA_OPTS",
                "-Xmx512m");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster("stop");
            } catch (Exception e) {
                // the cluster's processes are stopped by @AfterAll as a rule
            }
        }));
        cluster("start");
        at = "http://127.0.0.1:" + front;
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (environment != null) {
            cluster("stop");
            // the cluster's database goes with it
            URI uri = URI.create(environment.get("OPENPLAZA_DB_URL").substring("jdbc:".length()));
            try (Connection c = DriverManager.getConnection(
                            System.getProperty(
                                    "openplaza.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres"),
                            environment.get("OPENPLAZA_DB_USER"),
                            environment.get("OPENPLAZA_DB_PASSWORD"));
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + uri.getPath().substring(1) + " WITH (FORCE)");
            }
        }
    }

    private static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void a_dataset_published_on_one_node_is_found_served_and_downloaded_on_the_other() throws Exception {
        CkanClient onNode1 = new CkanClient(node1);
        HttpResponse<String> created = onNode1.post("package_create", DemoAccounts.OFFICIAL_TOKEN, """
                {"title": "Rainfall across the cluster", "notes": "Published on the first node.",
                 "owner_org": "meteorological-service-singapore", "license_id": "SG-ODL-1.0"}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        datasetId = CkanClient.json(created).get("result").get("id").asText();
        datasetName = CkanClient.json(created).get("result").get("name").asText();
        Path file = RealDatasets.file("sg_rainfall_monthly_total_1982_2025.csv");
        HttpResponse<String> resource = onNode1.upload(datasetId, "rainfall.csv", Files.readAllBytes(file));
        assertThat(resource.statusCode()).as(resource.body()).isEqualTo(200);
        String resourceId = CkanClient.json(resource).get("result").get("id").asText();
        String url = CkanClient.json(resource).get("result").get("url").asText();
        HttpResponse<String> published = onNode1.post(
                "package_patch", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + datasetId + "\", \"state\": \"active\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        // the second node, at once
        JsonNode found = CkanClient.json(get(node2, "/api/3/action/package_search?q=rainfall%20cluster"));
        assertThat(found.get("result").get("results").findValuesAsText("id")).contains(datasetId);
        JsonNode rows =
                CkanClient.json(get(node2, "/api/3/action/datastore_search?resource_id=" + resourceId + "&limit=5"));
        assertThat(rows.get("result").get("total").asLong()).isEqualTo(527);
        assertThat(rows.get("result").get("records")).hasSize(5);
        HttpResponse<byte[]> download = HTTP.send(
                // the file's address on the other node (the resource's url is absolute, on the first)
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + node2 + URI.create(url).getRawPath()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));

        // and a visitor charts it there: the chart builder reads the version node 1 wrote
        goTo(node2);
        open("/dataset/" + datasetName);
        waitFor("#dataset-heading", "Rainfall across the cluster");
        click("vaadin-tab:nth-of-type(2)");
        waiting()
                .withMessage("a chart drawn on node 2")
                .until(d -> !d.findElements(By.cssSelector("#chart-preview svg path"))
                        .isEmpty());
        assertAccessible("chart builder on the second node");
    }

    @Test
    @Order(2)
    void a_dataset_withdrawn_on_one_node_is_gone_from_the_other() throws Exception {
        assertThat(get(node1, "/api/3/action/package_show?id=" + datasetId).statusCode())
                .isEqualTo(200);
        HttpResponse<String> withdrawn = new CkanClient(node2)
                .post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + datasetId + "\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        assertThat(get(node1, "/api/3/action/package_show?id=" + datasetId).statusCode())
                .isEqualTo(404);
        JsonNode found = CkanClient.json(get(node1, "/api/3/action/package_search?q=rainfall%20cluster"));
        assertThat(found.get("result").get("results").findValuesAsText("id")).doesNotContain(datasetId);
    }

    @Test
    @Order(3)
    void the_api_rate_limit_is_one_budget_for_both_nodes() throws Exception {
        String client = "X-Forwarded-For";
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        int accepted = 0;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * API_LIMIT; i++) {
            int status = get(i % 2 == 0 ? node1 : node2, "/api/3/action/status_show", client, address)
                    .statusCode();
            statuses.add(status);
            if (status == 200) {
                accepted++;
            }
        }
        // one budget: the limit, plus what refills (two a second) while the requests run
        assertThat(accepted)
                .as("%s", statuses)
                .isGreaterThanOrEqualTo(API_LIMIT)
                .isLessThan(API_LIMIT + 40);
        assertThat(statuses).contains(429);
        assertThat(get(node1, "/api/3/action/status_show", client, "203.0.113.250")
                        .statusCode())
                .as("another client keeps its own budget")
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void a_vote_opened_on_one_node_takes_ballots_on_both_and_is_counted_once() throws Exception {
        String voter = "cluster.voter" + (System.nanoTime() % 100_000);
        String password = "granite harbour lanterns glow";
        // a citizen registers on node 2; an administrator verifies her on node 1
        goTo(node2);
        open("/register");
        type("#register-username", voter);
        type("#register-display-name", "Cluster Voter");
        type("#register-email", voter + "@example.org");
        type("#register-password", password);
        type("#register-confirm", password);
        click("#register-submit");
        waiting()
                .withMessage("the new citizen signed in on node 2")
                .until(d -> present("#account-link")
                        && find("#account-link").getText().equals(voter));
        goTo(node1);
        signIn("admin", "plaza-admin-demo-key");
        open("/admin/users");
        type("#users-search", voter);
        waitForVaadin();
        waiting().until(d -> !find("#users-grid").getText().contains("official"));
        org.openqa.selenium.WebElement row = waiting()
                .until(d -> d.findElements(By.cssSelector("#users-grid vaadin-grid-cell-content")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().trim().equals(voter))
                        .findFirst()
                        .orElse(null));
        click(row);
        click("#user-verified");
        click("#user-save");
        waiting().until(d -> !displayed("#user-roles"));

        // the official opens a yes/no vote on node 1
        switchTo("official", "plaza-official-demo");
        open("/proposals/new");
        type("#proposal-title", "A cluster-wide question");
        find("#proposal-summary-field textarea").sendKeys("Asked on one node, answered on both.");
        click("#proposal-save");
        waiting().until(d -> currentPath().startsWith("/proposal/"));
        click("#proposal-publish");
        click("#proposal-publish-confirm");
        waitFor("#proposal-status", "Scheduled for a vote");
        click("#proposal-open-vote");
        waiting().until(d -> currentPath().startsWith("/votes/new"));
        waitFor("#vote-about", "A cluster-wide question");
        click("#vote-open");
        waiting().until(d -> currentPath().startsWith("/vote/"));
        voteId = Long.parseLong(pathOnly().substring("/vote/".length()));

        // the demo citizen votes Yes on node 1, the new one No on node 2
        switchTo("citizen", "plaza-citizen-demo");
        cast(1);
        goTo(node2);
        signIn(voter, password);
        cast(2);
        assertThat(counted()).as("nothing counted while the vote runs").isZero();

        // the official closes it early on node 2; both nodes show one count of two ballots
        switchTo("official", "plaza-official-demo");
        open("/vote/" + voteId);
        click("#vote-close");
        find("#vote-close-reason textarea").sendKeys("Enough is known.");
        click("#vote-close-reason-confirm");
        waitFor("#results-turnout", "2 of");
        waitFor("#results-chain", "intact: 2 ballots");
        goTo(node1);
        open("/vote/" + voteId);
        waitFor("#results-turnout", "2 of");
        waitFor("#results-chain", "intact: 2 ballots");
        assertThat(counted()).as("ballots counted, once").isEqualTo(2);
    }

    /** Casts the option with this number in the open vote, and sees the receipt. */
    private void cast(int option) {
        open("/vote/" + voteId);
        find("#ballot-form");
        click("#ballot-one vaadin-radio-button:nth-of-type(" + option + ")");
        click("#vote-cast");
        click("#vote-confirm");
        assertThat(find("#vote-receipt").getText()).hasSize(16);
    }

    /** The ballots the count recorded for the vote, straight from the database. */
    private static int counted() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        environment.get("OPENPLAZA_DB_URL"),
                        environment.get("OPENPLAZA_DB_USER"),
                        environment.get("OPENPLAZA_DB_PASSWORD"));
                var query = c.prepareStatement("SELECT count(*) FROM voting.counted_ballot WHERE vote_id = ?")) {
            query.setLong(1, voteId);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    @Order(5)
    void an_embedded_dashboard_hears_of_a_change_made_through_the_other_node() throws Exception {
        // the demo's city at a glance shows the demo rainfall dataset
        long dashboard = 0;
        for (long id = 1; id <= 10 && dashboard == 0; id++) {
            HttpResponse<String> embed = get(front, "/embed/dashboard/" + id + "?lang=en");
            if (embed.statusCode() == 200 && embed.body().contains("The city at a glance")) {
                dashboard = id;
            }
        }
        assertThat(dashboard).as("the demo dashboard").isPositive();
        String rainfall = CkanClient.json(get(node1, "/api/3/action/package_search?q=rainfall&rows=50"))
                .get("result")
                .get("results")
                .findValuesAsText("name")
                .stream()
                .filter(name -> name.startsWith("rainfall-monthly-total"))
                .findFirst()
                .orElseThrow();

        // one embed's stream on the first node, one through HAProxy
        java.util.concurrent.BlockingQueue<String> onNode1 =
                stream(node1, "/embed/dashboard/" + dashboard + "/changes");
        java.util.concurrent.BlockingQueue<String> throughFront =
                stream(front, "/embed/dashboard/" + dashboard + "/changes");
        for (java.util.concurrent.BlockingQueue<String> lines : List.of(onNode1, throughFront)) {
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("status 200");
            assertThat(lines.poll(20, TimeUnit.SECONDS)).as("the stream open").isEqualTo(":open");
        }

        HttpResponse<String> patched = new CkanClient(node2)
                .post(
                        "package_patch",
                        DemoAccounts.OFFICIAL_TOKEN,
                        "{\"id\": \"" + rainfall + "\", \"notes\": \"Changed on the second node.\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(changed(onNode1))
                .as("node 1 heard the change made on node 2")
                .isTrue();
        assertThat(changed(throughFront))
                .as("the stream through HAProxy carried it")
                .isTrue();
    }

    /** The lines of a stream of server-sent events, read as they come, on a thread of their own. */
    private static java.util.concurrent.BlockingQueue<String> stream(int port, String path) {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        HTTP.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status " + response.statusCode());
                    response.body().filter(line -> !line.isEmpty()).forEach(lines::add);
                });
        return lines;
    }

    /** Whether a {@code changed} event comes on the stream within 20 seconds. */
    private static boolean changed(java.util.concurrent.BlockingQueue<String> lines) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (long left = 20_000; left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            String line = lines.poll(left, TimeUnit.MILLISECONDS);
            if (line == null) {
                return false;
            }
            if (line.equals("event:changed")) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(6)
    void a_client_stays_with_its_node_and_moves_to_the_other_when_that_node_dies() throws Exception {
        // a citizen signs in through HAProxy and saves a draft
        goTo(front);
        signIn("citizen", "plaza-citizen-demo");
        open("/proposals/new");
        type("#proposal-title", "Saved before the node died");
        find("#proposal-summary-field textarea").sendKeys("A draft kept in the database.");
        click("#proposal-save");
        waiting().until(d -> currentPath().startsWith("/proposal/"));
        String draft = pathOnly();
        Cookie bound = driver.manage().getCookieNamed("OPENPLAZA_NODE");
        assertThat(bound).as("HAProxy's node cookie").isNotNull();
        String node = bound.getValue();
        String cookie = "OPENPLAZA_NODE=" + node;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> again = get(front, "/api/3/action/package_list", "Cookie", cookie);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().allValues("set-cookie"))
                    .as("served by the same node: HAProxy keeps the cookie as it is")
                    .noneMatch(c -> c.startsWith("OPENPLAZA_NODE="));
        }

        Path pid = Path.of(environment.get("OPENPLAZA_CLUSTER_DIR")).resolve(node + ".pid");
        ProcessHandle dying =
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
        dying.destroyForcibly();
        // gone for good before the next request: one that reaches a node as it dies answers 502
        dying.onExit().get(30, TimeUnit.SECONDS);

        HttpResponse<String> moved = get(front, "/api/3/action/package_list", "Cookie", cookie);
        assertThat(moved.statusCode()).as("served by the node still up").isEqualTo(200);
        assertThat(nodeCookie(moved)).as("and bound to it from now on").isNotEqualTo(node);
        // what was committed before the node died is there: the demo catalogue and the withdrawal
        assertThat(CkanClient.json(moved).get("result")).isNotEmpty();
        assertThat(get(front, "/api/3/action/package_show?id=" + datasetId, "Cookie", cookie)
                        .statusCode())
                .isEqualTo(404);
        // the citizen's next click reaches the other node, which has no session of hers: she signs
        // in again there and finds her draft
        open(draft);
        assertThat(driver.manage().getCookieNamed("OPENPLAZA_NODE").getValue()).isNotEqualTo(node);
        assertThat(present("#proposal-heading"))
                .as("a draft is shown to its author only")
                .isFalse();
        signIn("citizen", "plaza-citizen-demo");
        open(draft);
        waitFor("#proposal-heading", "Saved before the node died");
        assertAccessible("the draft on the surviving node");

        // and the survivor still takes writes
        HttpResponse<String> created = new CkanClient(front).post("package_create", DemoAccounts.OFFICIAL_TOKEN, """
                        {"title": "Written after a node died", "notes": "Made on the node still up.",
                         "owner_org": "meteorological-service-singapore",
                         "license_id": "SG-ODL-1.0"}
                        """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    private static String nodeCookie(HttpResponse<String> response) {
        String set = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("OPENPLAZA_NODE="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node cookie in " + response.headers()));
        return set.substring("OPENPLAZA_NODE=".length(), set.indexOf(';'));
    }
}
