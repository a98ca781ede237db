package dev.roost.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A browser as the API sees it: keeps the session cookie and sends the CSRF token it was given. */
public final class WebClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String csrfToken;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT).build();
    }

    /** Logs in and keeps the session's CSRF token; returns the raw answer either way. */
    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/login",
                JSON.createObjectNode().put("username", username).put("password", password).toString(), false);
        if (response.statusCode() == 200) {
            csrfToken = json(response).get("csrfToken").asText();
        }
        return response;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, false);
    }

    /** A state-changing request carrying the CSRF token, as the dashboard sends it. */
    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body, true);
    }

    public HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body, true);
    }

    public HttpResponse<String> send(String method, String path, String body, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/yaml");
        }
        if (withCsrf && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is read as it arrives, for server-sent events; the caller closes the body. */
    public HttpResponse<java.io.InputStream> stream(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A bare request with one extra header and no cookie or CSRF token of this client. */
    public HttpResponse<String> sendWithHeader(String method, String path, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header(header, value)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
