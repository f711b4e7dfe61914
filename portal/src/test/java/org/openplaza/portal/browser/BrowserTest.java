package org.openplaza.portal.browser;

import java.time.Duration;
import org.openplaza.portal.testdata.MovableClock;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running portal (random port, a fresh database in target/) driven by the browser. Its clock
 * is the test's: codes of authenticator apps are taken from it.
 */
@RunningPortal
abstract class BrowserTest extends Browser {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock portalClock;

    @Override
    protected String base() {
        return "http://localhost:" + port;
    }

    /** A plain HTTP request made with the browser's session, accepting a page (for statuses and downloads). */
    java.net.http.HttpResponse<String> fetchInThisSession(String path) throws Exception {
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("" + base() + path))
                                .header("Cookie", "JSESSIONID=" + session)
                                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** An administrator, for setting up what a test needs through the services. */
    protected static org.springframework.security.authentication.UsernamePasswordAuthenticationToken admin() {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "admin",
                "n/a",
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
    }

    /**
     * A code the portal takes now and a step later: of the current step, or the next when this
     * account used the current one already. When both were used (many sign-ins of one account
     * within a minute), the portal's clock is moved on to the step after the last used rather than
     * waited for: at most a minute, which no test's timing minds.
     */
    @Override
    protected String nextCode(String username, String key) {
        long seconds = portalClock.instant().getEpochSecond();
        long now = Math.floorDiv(seconds, 30);
        long used = usedStep(username);
        if (used >= now + 1) {
            portalClock.advance(Duration.ofSeconds(((used + 1) * 30) - seconds + 1));
            now = used + 1;
        }
        return useStep(username, key, Math.max(now, used + 1));
    }
}
