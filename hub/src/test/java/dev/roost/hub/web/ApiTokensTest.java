package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens for scripts, created by a logged-in user on the running hub. */
class ApiTokensTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient admin;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        admin = new WebClient(hub.httpBase());
        admin.login("admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> withToken(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.httpBase() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenActsAsItsOwnerWithoutCookieOrCsrfTokenUntilRevoked() throws Exception {
        HttpResponse<String> created = admin.post("/api/tokens", "{\"name\":\"backup script\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).get("token").asText();
        long id = json(created).get("id").asLong();

        assertThat(withToken("GET", "/api/devices", token, null).statusCode()).isEqualTo(200);
        assertThat(withToken("POST", "/api/devices/thermostat/command", token, "{\"state\":\"ON\"}").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/api/tokens").body()).contains("backup script").doesNotContain(token);

        assertThat(admin.send("DELETE", "/api/tokens/" + id, null, true).statusCode()).isEqualTo(204);
        assertThat(withToken("GET", "/api/devices", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRemovedUsersTokensStopWorkingAndOthersCannotRevokeThem() throws Exception {
        admin.post("/api/users", "{\"name\":\"anna\",\"password\":\"anna password\"}");
        WebClient anna = new WebClient(hub.httpBase());
        anna.login("anna", "anna password");
        HttpResponse<String> created = anna.post("/api/tokens", "{\"name\":\"phone widget\"}");
        String token = json(created).get("token").asText();
        long id = json(created).get("id").asLong();

        assertThat(admin.send("DELETE", "/api/tokens/" + id, null, true).statusCode()).isEqualTo(404);
        assertThat(withToken("GET", "/api/devices", token, null).statusCode()).isEqualTo(200);

        admin.send("DELETE", "/api/users/anna", null, true);

        assertThat(withToken("GET", "/api/devices", token, null).statusCode()).isEqualTo(401);
    }
}
