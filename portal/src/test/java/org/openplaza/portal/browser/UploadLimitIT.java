package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.api.CkanClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * Oversized uploads are refused with a clear message and leave nothing behind, whichever way they
 * arrive: through the browser (whose own check a forged request skips), and through the API both
 * over the multipart limit and over the catalogue's limit. The limits are made small for the test
 * (the demo datasets, seeded through the same importer, still fit).
 */
@TestPropertySource(
        properties = {
            "openplaza.catalog.max-upload-bytes=1048576",
            "spring.servlet.multipart.max-file-size=2MB",
            "spring.servlet.multipart.max-request-size=2MB"
        })
class UploadLimitIT extends BrowserTest {

    /** A well-formed CSV of about the given size, so that only its size can be wrong. */
    static byte[] csvOf(int bytes) {
        StringBuilder csv = new StringBuilder("station,month,rainfall\n");
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append("S")
                    .append(i % 50)
                    .append(",2024-")
                    .append(String.format("%02d", i % 12 + 1))
                    .append(",")
                    .append(i % 300)
                    .append(".5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void newDraft(String title) {
        signIn("official", "plaza-official-demo");
        open("/publish/dataset");
        type("#meta-title", title);
        choose("#meta-organisation", "Korea Disease Control and Prevention Agency (via DS4C)");
        find("#meta-description textarea").sendKeys("Made by the upload limit test.");
        click("#meta-save");
        waiting().until(d -> currentPath().startsWith("/publish/dataset/"));
    }

    @Test
    void the_browser_refuses_a_file_over_the_limit() throws Exception {
        newDraft("Too large through the browser");
        Path big = Files.createTempFile("openplaza-big-", ".csv");
        Files.write(big, csvOf(1_200_000));
        WebElement input = find("#upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(big.toString());
        waiting().until(d -> find("#import-message").getText().startsWith("The file was refused"));
        assertThat(find("#import-message").getText()).contains("larger than the upload limit");
        assertThat(displayed("#import-columns")).isFalse();
        Files.delete(big);
    }

    /** A request made by hand skips the browser's check; the server cuts it off while it streams. */
    @Test
    void a_forged_upload_over_the_limit_is_cut_off_on_the_server() {
        newDraft("Too large by a forged request");
        Object status = ((JavascriptExecutor) driver)
                .executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const upload = document.getElementById('upload');
                const form = new FormData();
                form.append('file', new Blob([arguments[0]], {type: 'text/csv'}), 'forged.csv');
                fetch(upload.target, {method: 'POST', body: form}).then(r => done(r.status), e => done(String(e)));
                """, new String(csvOf(1_200_000), StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(500L);
        // the message waits for the next round trip to the server (the page has no push)
        find("#meta-title input").sendKeys(" ", org.openqa.selenium.Keys.TAB);
        waitForVaadin();
        waiting().until(d -> !find("#import-message").getText().isEmpty());
        assertThat(find("#import-message").getText()).isEqualTo("The file is larger than the limit of 1 MB.");
        assertThat(displayed("#import-columns")).isFalse();
    }

    @Test
    void the_api_answers_413_over_either_limit_and_keeps_nothing() throws Exception {
        CkanClient ckan = new CkanClient(port);
        String id = ckan.createPackage("Too large through the API");

        HttpResponse<String> overMultipart = ckan.upload(id, "big.csv", csvOf(3_000_000));
        assertThat(overMultipart.statusCode()).as(overMultipart.body()).isEqualTo(413);
        assertThat(CkanClient.json(overMultipart).get("success").asBoolean()).isFalse();

        HttpResponse<String> overCatalogue = ckan.upload(id, "big.csv", csvOf(1_200_000));
        assertThat(overCatalogue.statusCode()).as(overCatalogue.body()).isEqualTo(413);
        assertThat(CkanClient.json(overCatalogue).get("error").get("message").asText())
                .isEqualTo("The file is larger than the limit of 1 MB.");

        HttpResponse<String> unchanged =
                ckan.post("package_patch", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + id + "\"}");
        assertThat(CkanClient.json(unchanged).get("result").get("num_resources").asInt())
                .isZero();

        HttpResponse<String> small = ckan.upload(id, "small.csv", csvOf(8_000));
        assertThat(small.statusCode())
                .as("a file under the limit still imports")
                .isEqualTo(200);
    }
}
