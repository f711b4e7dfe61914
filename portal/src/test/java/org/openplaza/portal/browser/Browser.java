package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A portal driven by Debian's headless Chromium, wherever it runs ({@link #base()}): one started
 * by the test ({@link BrowserTest}) or a cluster's nodes and load balancer. Nothing is downloaded:
 * Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver (or CHROME_BIN and
 * CHROMEDRIVER).
 */
@ExtendWith(Browser.ScreenshotOnFailure.class)
public abstract class Browser {

    /** Keeps a screenshot of the page a failed test ended on, under target/screenshots. */
    public static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver instanceof TakesScreenshot camera) {
                try {
                    Path folder = Files.createDirectories(Path.of("target", "screenshots"));
                    Files.write(
                            folder.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9_]", "") + ".png"),
                            camera.getScreenshotAs(OutputType.BYTES));
                } catch (Exception e) {
                    // a missing screenshot must not hide the failure itself
                }
            }
        }
    }

    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * How often a wait looks again. Selenium's default is half a second, which every click and
     * page paid while Vaadin answers in tens of milliseconds; each look is one script call.
     */
    protected static final Duration POLL = Duration.ofMillis(40);

    /** A wait of the usual length that looks again every {@link #POLL}. */
    protected static WebDriverWait waiting() {
        return waiting(TIMEOUT);
    }

    /**
     * A wait of this length. An element Vaadin replaced between finding it and reading it (a
     * dialog closing, a grid redrawing its rows) is looked for again, not an error.
     */
    protected static WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    protected static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    protected static WebDriver driver;

    /** Where the browser saves downloads. */
    protected static java.nio.file.Path downloads;

    /** Where the portal answers, as {@code http://host:port}. */
    protected abstract String base();

    /**
     * Which portal's accounts these are, for the codes of their authenticator apps: all nodes of a
     * cluster share one.
     */
    protected String portal() {
        return base();
    }

    @BeforeAll
    protected static void startBrowser() throws Exception {
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        String chromium = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Lumo's overlays open without animating: fewer frames to draw and wait for
                "--force-prefers-reduced-motion",
                "--window-size=1280,1000",
                "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("openplaza-chromium"));
        downloads = Files.createTempDirectory("openplaza-downloads");
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "safebrowsing.enabled",
                        false));
        // the browser's console, read after every test for what the Content-Security-Policy refused
        options.setCapability(
                "goog:loggingPrefs", java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
    }

    @AfterAll
    protected static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Nothing a page did was refused by the portal's Content-Security-Policy. */
    @org.junit.jupiter.api.AfterEach
    protected void nothingRefusedByThePolicy() {
        if (driver == null) {
            return;
        }
        List<String> refused = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
        assertThat(refused)
                .as("console messages about the Content-Security-Policy")
                .isEmpty();
    }

    /**
     * Each test begins signed out, on a blank page: the last test's page is left (its UI stops
     * talking to the portal) and every cookie of every site is cleared at once, without loading a
     * page of the portal first to reach its cookies (a second a test).
     */
    @BeforeEach
    protected void freshSession() {
        driver.get("about:blank");
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    protected void open(String path) {
        driver.get(base() + path);
        waitForVaadin();
    }

    /** Ready when the Flow client exists and has no request in flight. */
    protected void waitForVaadin() {
        try {
            waiting().until(d -> Boolean.TRUE.equals(js(READY)));
        } catch (TimeoutException e) {
            throw new AssertionError("Vaadin did not settle on " + driver.getCurrentUrl() + ": " + js(STATE), e);
        }
    }

    private static final String READY = """
            if (document.readyState !== 'complete') return false;
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients || Object.keys(flow.clients).length === 0) return false;
            return Object.values(flow.clients).every(c => !(c.isActive && c.isActive()));
            """;

    private static final String STATE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            return JSON.stringify({
              readyState: document.readyState,
              clients: flow && flow.clients ? Object.keys(flow.clients) : null,
              active: flow && flow.clients
                ? Object.values(flow.clients).map(c => c.isActive ? c.isActive() : 'n/a') : null,
              body: document.body ? document.body.innerText.slice(0, 300) : null
            });
            """;

    protected static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    protected WebElement find(String css) {
        return waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            if (found.isEmpty()) {
                return null;
            }
            if (!found.get(0).isDisplayed()) {
                // outside the scrolled part of the layout counts as hidden: bring it into view
                js("arguments[0].scrollIntoView({block: 'center'})", found.get(0));
                return null;
            }
            return found.get(0);
        });
    }

    protected boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Whether such an element is shown; one removed while being looked at is not. */
    protected boolean displayed(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(e -> {
            try {
                return e.isDisplayed();
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return false;
            }
        });
    }

    protected void type(String fieldCss, String text) {
        WebElement input = find(fieldCss + " input");
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Scrolls the element into view and clicks it, once overlays have finished opening or closing.
     * Anything else lying over it is a real overlap, which fails the test with the element that
     * would have taken the click.
     */
    protected void click(String css) {
        click(find(css));
    }

    protected void click(WebElement element) {
        waitForVaadin();
        waitForOverlays();
        settle(element);
        element.click();
        waitForVaadin();
    }

    /**
     * Brings the element into view and waits until it has stayed put, with no Vaadin request in
     * flight and no grid loading rows, for ten animation frames in a row. A layout still growing (a grid fetching its rows
     * page by page, a panel opening above) would otherwise move it between the scroll and the click.
     */
    protected static void settle(WebElement element) {
        ((JavascriptExecutor) driver).executeAsyncScript(SETTLE, element);
    }

    private static final String SETTLE = """
            const element = arguments[0], done = arguments[arguments.length - 1];
            const idle = () => {
              const flow = window.Vaadin && window.Vaadin.Flow;
              const requests = !flow || !flow.clients
                || Object.values(flow.clients).every(c => !(c.isActive && c.isActive()));
              return requests && !document.querySelector('vaadin-grid[loading]');
            };
            let last = null, still = 0;
            function frame() {
              element.scrollIntoView({block: 'center'});
              const r = element.getBoundingClientRect();
              const now = [r.top, r.left, r.width, r.height].join();
              still = now === last && idle() ? still + 1 : 0;
              last = now;
              if (still >= 10) { done(true); } else { requestAnimationFrame(frame); }
            }
            requestAnimationFrame(frame);
            """;

    /** Waits until no Vaadin overlay (select list, dialog, notification) is still animating. */
    protected void waitForOverlays() {
        waiting()
                .withMessage("an overlay kept opening or closing")
                .until(d -> Boolean.TRUE.equals(js("return document.querySelector('[opening], [closing]') === null")));
    }

    /** Opens a Vaadin select and picks the option with this label. */
    protected void choose(String selectCss, String label) {
        click(selectCss);
        WebElement item = waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().trim().equals(label))
                        .findFirst()
                        .orElse(null));
        click(item);
        waitForOverlays();
        waiting()
                .withMessage(() -> selectCss + " shows " + chosen(selectCss) + ", not " + label)
                .until(d -> label.equals(chosen(selectCss)));
    }

    /**
     * The label a Vaadin select shows as its value: the text of its value button only, never that
     * of its list of items (which the select also holds).
     */
    protected String chosen(String selectCss) {
        return find(selectCss + " > vaadin-select-value-button").getText().trim();
    }

    /** Signs the browser out and in as someone else. */
    protected void switchTo(String username, String password) {
        driver.manage().deleteAllCookies();
        signIn(username, password);
    }

    /** Waits until the element exists and its text contains this. */
    protected void waitFor(String css, String text) {
        waiting()
                .withMessage(() -> css + " reads " + (present(css) ? find(css).getText() : "nothing"))
                .until(d -> present(css) && find(css).getText().contains(text));
    }

    /**
     * Signs in with the password and, for those asked, the code of their authenticator app: the
     * demo accounts' published keys, or the key the code page showed when the account set its app
     * up in an earlier sign-in (kept here by username). The recovery codes shown after a first set-up
     * are kept too, and their dialog closed.
     */
    protected void signIn(String username, String password) {
        open(postSignIn(username, password));
        if (pathOnly().equals("/login/code")) {
            giveCode(username);
        }
    }

    /**
     * As {@link #signIn}, typed into the sign-in page's form. The tests of signing in itself use
     * this; the others post the same form without loading its page first.
     */
    protected void signInWithTheForm(String username, String password) {
        open("/login");
        find("#vaadinLoginUsername input").sendKeys(username);
        find("#vaadinLoginPassword input").sendKeys(password, Keys.ENTER);
        waiting().until(d -> !currentPath().equals("/login"));
        waitForVaadin();
        if (pathOnly().equals("/login/code")) {
            giveCode(username);
        }
    }

    private static final java.net.http.HttpClient SIGN_IN = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    /**
     * Posts the sign-in form as the browser would from the sign-in page (from the portal's own
     * origin, as this browser, with its cookies for the portal), gives the browser the cookies the
     * portal set, and returns the address the portal sent it to: the page signed in to, the code
     * page, or the sign-in page with its error.
     */
    @SuppressWarnings("unchecked")
    private String postSignIn(String username, String password) {
        var cdp = (org.openqa.selenium.chromium.HasCdp) driver;
        List<Map<String, Object>> held = (List<Map<String, Object>>)
                cdp.executeCdpCommand("Network.getCookies", Map.of("urls", List.of(base() + "/")))
                        .get("cookies");
        String agent =
                (String) cdp.executeCdpCommand("Browser.getVersion", Map.of()).get("userAgent");
        String form = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base() + "/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .header("Sec-Fetch-Site", "same-origin")
                .header("User-Agent", agent)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        if (!held.isEmpty()) {
            request.header(
                    "Cookie",
                    held.stream().map(c -> c.get("name") + "=" + c.get("value")).collect(Collectors.joining("; ")));
        }
        java.net.http.HttpResponse<Void> response;
        try {
            response = SIGN_IN.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(response.statusCode()).as("the sign-in form's answer").isEqualTo(302);
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (java.net.HttpCookie cookie : java.net.HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0) {
                    cdp.executeCdpCommand(
                            "Network.deleteCookies", Map.of("name", cookie.getName(), "url", base() + "/"));
                } else {
                    cdp.executeCdpCommand(
                            "Network.setCookie",
                            Map.of(
                                    "name", cookie.getName(),
                                    "value", cookie.getValue(),
                                    "url", base() + "/",
                                    "path", cookie.getPath() == null ? "/" : cookie.getPath(),
                                    "httpOnly", cookie.isHttpOnly()));
                }
            }
        }
        java.net.URI to = java.net
                .URI
                .create(base() + "/")
                .resolve(response.headers().firstValue("Location").orElseThrow());
        return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    }

    /**
     * Authenticator keys of accounts signed in by the tests, by portal (each running portal has a
     * database and a clock of its own) and username.
     */
    private static final java.util.Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The recovery codes each account got when it set up its app. */
    private static final java.util.Map<String, List<String>> RECOVERY_CODES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The last 30-second step whose code each account used: the portal takes a step's code once. */
    private static final java.util.Map<String, Long> USED_STEPS = new java.util.HashMap<>();

    private String account(String username) {
        return portal() + " " + username;
    }

    /** The key of this account's app in this portal: the one it set up, or its demo key. */
    protected String keyOf(String username) {
        return KEYS.computeIfAbsent(account(username), a -> demoKey(username));
    }

    protected void rememberKey(String username, String key) {
        KEYS.put(account(username), key);
    }

    protected List<String> recoveryCodesOf(String username) {
        return RECOVERY_CODES.getOrDefault(account(username), List.of());
    }

    /** On the code page: sets the app up if asked, then gives its next unused code. */
    protected void giveCode(String username) {
        find("#second-step-code");
        if (present("#authenticator-key")) {
            rememberKey(username, find("#authenticator-key").getText().replace(" ", ""));
        }
        String key = keyOf(username);
        find("#second-step-code").sendKeys(nextCode(username, key), Keys.ENTER);
        waiting().until(d -> !currentPath().equals("/login/code"));
        assertThat(currentPath()).as("the code was taken").doesNotStartWith("/login");
        waitForVaadin();
        if (present("#recovery-codes-done")) {
            RECOVERY_CODES.put(
                    account(username),
                    driver.findElements(By.cssSelector("#recovery-codes li")).stream()
                            .map(WebElement::getText)
                            .toList());
            click("#recovery-codes-done");
        }
    }

    private static String demoKey(String username) {
        return org.openplaza.accounts.DemoAccounts.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username) && a.authenticatorKey() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " was asked for a code and has no known key"))
                .authenticatorKey();
    }

    /**
     * A code the portal takes now and still takes a step later: of the current step, or the next
     * when this account used the current one already (the portal allows one step either side),
     * waiting for the next step when both were used. Never the step before: a code typed as a step
     * ends would be refused.
     */
    protected String nextCode(String username, String key) {
        synchronized (USED_STEPS) {
            long now = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
            long used = USED_STEPS.getOrDefault(account(username), Long.MIN_VALUE);
            while (used >= now + 1) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                now = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
            }
            return useStep(username, key, Math.max(now, used + 1));
        }
    }

    /** The code of this step, which the account may not use again. */
    protected String useStep(String username, String key, long step) {
        synchronized (USED_STEPS) {
            USED_STEPS.put(account(username), step);
            return org.openplaza.accounts.Totp.code(key, java.time.Instant.ofEpochSecond(step * 30));
        }
    }

    /** The last step whose code this account used, if any. */
    protected long usedStep(String username) {
        synchronized (USED_STEPS) {
            return USED_STEPS.getOrDefault(account(username), Long.MIN_VALUE);
        }
    }

    protected String currentPath() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** The path of the current page, without its query. */
    protected String pathOnly() {
        return currentPath().replaceFirst("[?#].*$", "");
    }

    /** The text of the error message a Vaadin field shows, from its slotted error element. */
    protected String fieldError(String fieldCss) {
        WebElement error = waiting().until(d -> {
            WebElement e = d.findElement(By.cssSelector(fieldCss + " > [slot='error-message']"));
            return e.getText().isBlank() ? null : e;
        });
        return error.getText();
    }

    /** Runs axe-core on the current page; no serious or critical violation may remain. */
    protected void assertAccessible(String page) {
        // scanned at rest: a dialog still fading in has its text in passing colours
        waitForVaadin();
        waitForOverlays();
        waiting()
                .withMessage("an animation kept running")
                .until(d ->
                        Boolean.TRUE.equals(js("return document.getAnimations().every(a => a.playState !== 'running')"
                                + " && document.querySelector('[opening], [closing]') === null")));
        assertAccessibleAsItIs(page);
    }

    /** The scan of a page that is not the portal's (an embed), as it is now. */
    protected void assertAccessibleAsItIs(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        String report = blocking.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(blocking)
                .as("accessibility violations on %s:%n%s", page, report)
                .isEmpty();
    }
}
