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
import java.time.Duration;
import dev.roost.web.devices.DeviceDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

    /** Stands in for the hub, which implements {@link HubStatus} in another module. */
    private record FixedHubStatus(String version, Duration uptime, int connectedClients) implements HubStatus {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private WebServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new WebServer(TestServices.with(
                new FixedHubStatus("0.1.0-test", Duration.ofMinutes(2).plusSeconds(5), 3), DeviceDirectory.empty()));
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
    void theChartLibraryIsServedFromItsWebjarWithoutALogin() throws Exception {
        HttpResponse<String> script = get("/vendor/uplot.js");
        HttpResponse<String> style = get("/vendor/uplot.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body()).startsWith("/*! https://github.com/leeoniya/uPlot").contains("var uPlot");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.body()).contains(".uplot");
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
