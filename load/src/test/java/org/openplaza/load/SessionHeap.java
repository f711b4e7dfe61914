package org.openplaza.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a Vaadin session costs a node: the node's live heap is read (after a full collection,
 * through {@code jcmd}), then sessions are opened and kept (each a browser of its own: the page,
 * Vaadin's request that makes the UI, and the event that builds the view on the server), and the
 * live heap read again. Visitors open the
 * catalogue; citizens sign in first (the demo citizen) and open the catalogue and their account.
 * Usage: {@code SessionHeap baseUrl pid sessions visitor|citizen}. Not a test.
 */
public final class SessionHeap {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private SessionHeap() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int sessions = Integer.parseInt(args[2]);
        boolean citizen = args.length > 3 && args[3].equals("citizen");
        long before = liveHeapKb(pid);
        List<HttpClient> kept = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            String address = "10.9." + (i / 250) + "." + (1 + i % 250);
            if (citizen) {
                signIn(browser, base, address);
            }
            open(browser, base, "catalog", address);
            if (citizen) {
                open(browser, base, "account", address);
            }
            kept.add(browser);
        }
        long after = liveHeapKb(pid);
        double perSession = (after - before) / (double) sessions;
        System.out.printf(
                "%d %s sessions: live heap %,d KB -> %,d KB, %.1f KB per session, %,.0f sessions per GB%n",
                sessions,
                citizen ? "signed-in citizen" : "anonymous visitor",
                before,
                after,
                perSession,
                1024 * 1024 / Math.max(1, perSession));
        if (kept.size() != sessions) {
            throw new IllegalStateException("sessions lost");
        }
    }

    /** The page, the UI made for it, and its view built on the server, as a browser opens it. */
    private static void open(HttpClient browser, String base, String location, String address) throws Exception {
        send(browser, base + "/" + location, address);
        String init = send(browser, base + "/?v-r=init&location=" + location + "&query=", address);
        if (!init.contains("Vaadin-Security-Key")) {
            throw new IllegalStateException("no UI made for " + location + ": " + init.substring(0, 200));
        }
        JsonNode config = JSON.readTree(init).get("appConfig");
        JsonNode uidl = config.get("uidl");
        HttpResponse<String> view = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId="
                                + config.get("v-uiId").asInt()))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(VaadinUi.navigation(
                                uidl.get("Vaadin-Security-Key").asText(),
                                uidl.get("syncId").asInt(),
                                0,
                                location)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (view.statusCode() != 200 || !view.body().contains("\"nav-home\"")) {
            throw new IllegalStateException("no view built for " + location + ": " + view.statusCode());
        }
    }

    private static void signIn(HttpClient browser, String base, String address) throws Exception {
        String page = send(browser, base + "/login", address);
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=citizen&password=" + URLEncoder.encode("plaza-citizen-demo", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", base)
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("the demo citizen could not sign in: " + signedIn.uri());
        }
    }

    private static String send(HttpClient browser, String url, String address) throws Exception {
        HttpResponse<String> response = browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Forwarded-For", address)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The node's heap in use right after a full collection, in KB. */
    static long liveHeapKb(long pid) throws IOException, InterruptedException {
        // GC.run returns once the collection is done; a second one clears what finalisers freed
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no heap in use");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + ": " + out);
        }
        return out;
    }
}
