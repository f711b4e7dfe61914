package org.openplaza.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.openplaza.accounts.DemoAccounts;

/** Calls the running portal's CKAN Action API as a city system would, over plain HTTP. */
public final class CkanClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public CkanClient(int port) {
        this.port = port;
    }

    public URI action(String name) {
        return URI.create("http://localhost:" + port + "/api/3/action/" + name);
    }

    public HttpResponse<String> post(String action, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(action(action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read action with its query string (already encoded), signed by nobody. */
    public HttpResponse<String> get(String action, String query) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(action(action) + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code resource_create} with the file as a multipart upload, signed by the demo official. */
    public HttpResponse<String> upload(String packageId, String filename, byte[] content) throws Exception {
        return multipart("resource_create", "package_id", packageId, filename, content);
    }

    /** An action taking a file as a multipart upload beside one field, signed by the demo official. */
    public HttpResponse<String> multipart(
            String actionName, String field, String value, String filename, byte[] content) throws Exception {
        String boundary = "openplaza-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\""
                        + filename + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(action(actionName))
                        .header("Authorization", DemoAccounts.OFFICIAL_TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a draft package under the Singapore weather office and returns its id. */
    public String createPackage(String title) throws Exception {
        HttpResponse<String> created = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"title\": \"" + title + "\", \"notes\": \"Created by a test.\","
                        + " \"owner_org\": \"meteorological-service-singapore\"}");
        return json(created).get("result").get("id").asText();
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
