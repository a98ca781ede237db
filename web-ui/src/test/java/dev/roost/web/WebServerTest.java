package dev.roost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import dev.roost.web.auth.Account;
import dev.roost.web.auth.Accounts;
import dev.roost.web.users.UserAdmin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

    /** Stands in for the hub, which implements {@link HubStatus} in another module. */
    private record FixedHubStatus(String version, Duration uptime, int connectedClients) implements HubStatus {
    }

    /** A hub without users: enough for the routes that need no login. */
    private static final class NoAccounts implements Accounts, UserAdmin {
        @Override
        public Optional<Account> verify(String username, String password) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> find(String username) {
            return Optional.empty();
        }

        @Override
        public void changePassword(String username, String newPassword) {
            throw new IllegalArgumentException("no user " + username);
        }

        @Override
        public List<Account> list() {
            return List.of();
        }

        @Override
        public String nameProblem(String name) {
            return null;
        }

        @Override
        public String passwordProblem(String password) {
            return null;
        }

        @Override
        public boolean add(String name, String password, boolean admin) {
            return false;
        }

        @Override
        public boolean setPassword(String name, String password) {
            return false;
        }

        @Override
        public boolean remove(String name) {
            return false;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private WebServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new WebServer(new FixedHubStatus("0.1.0-test", Duration.ofMinutes(2).plusSeconds(5), 3),
                new NoAccounts(), token -> Optional.empty(), new NoAccounts(), Clock.systemUTC());
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startOnPortZeroReturnsTheBoundPort() {
        assertThat(port).isBetween(1, 65535);
    }

    @Test
    void healthReportsTheHubStatusAsJson() throws Exception {
        HttpResponse<String> response = get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("version").asText()).isEqualTo("0.1.0-test");
        assertThat(body.get("uptimeSeconds").asLong()).isEqualTo(125);
        assertThat(body.get("clients").asInt()).isEqualTo(3);
    }

    @Test
    void unknownPathAnswers404WithTheApiErrorShape() throws Exception {
        HttpResponse<String> response = get("/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("not found");
        assertThat(body.has("field")).isTrue();
        assertThat(body.get("field").isNull()).isTrue();
        assertThat(body.get("detail").asText()).isEqualTo("/api/no-such-thing");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void secondStartIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> server.start("127.0.0.1", 0));
    }

    @Test
    void stoppedServerNoLongerAnswers() {
        server.stop();

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> get("/api/health"));
    }
}
