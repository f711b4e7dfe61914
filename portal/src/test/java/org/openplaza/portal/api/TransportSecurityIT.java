package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a proxy that ends TLS and says so ({@code X-Forwarded-Proto: https}), pages carry HSTS
 * and every cookie the portal sets is {@code Secure}; over plain HTTP neither (a browser would
 * ignore HSTS there, and a secure cookie would never come back). Every page carries the
 * Content-Security-Policy and the other headers.
 */
@RunningPortal
class TransportSecurityIT {

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, boolean https) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> cookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void over_https_pages_carry_hsts_and_cookies_are_secure() throws Exception {
        HttpResponse<String> page = get("/catalog", true);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(cookies(page)).isNotEmpty().allSatisfy(c -> assertThat(c).contains("; Secure"));

        HttpRequest signIn = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=citizen&password=" + URLEncoder.encode("plaza-citizen-demo", StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> signedIn = client.send(signIn, HttpResponse.BodyHandlers.ofString());
        assertThat(cookies(signedIn))
                .as("the session and device cookies of a sign-in")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c).contains("; Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_no_secure_flag() throws Exception {
        HttpResponse<String> page = get("/catalog", false);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(cookies(page)).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void every_page_carries_the_policy_and_the_other_headers() throws Exception {
        for (String path : List.of("/", "/catalog", "/login", "/votes", "/no-such-page")) {
            HttpResponse<String> page = get(path, false);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v)
                            .contains("default-src 'self'")
                            .contains("object-src 'none'")
                            .contains("frame-ancestors 'none'")
                            .contains("form-action 'self'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void security_txt_says_where_to_report_a_vulnerability() throws Exception {
        HttpResponse<String> txt = get("/.well-known/security.txt", false);
        assertThat(txt.statusCode()).isEqualTo(200);
        assertThat(txt.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(txt.body())
                .contains("Contact: mailto:security@city.example\n")
                .containsPattern("Expires: \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\n")
                .contains("Canonical: http://localhost:" + port + "/.well-known/security.txt");
        assertThat(cookies(txt)).isEmpty();
    }
}
