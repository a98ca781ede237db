package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import dev.roost.web.WebServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to the web UI of a running hub, with the real user store in H2. */
class LoginTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient browser;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        browser = new WebClient(hub.httpBase());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void everyRouteButHealthAndLoginAnswers401WithoutASession() throws Exception {
        List<WebServer.Route> routes = hub.hub().web().routes();
        assertThat(routes).extracting(WebServer.Route::path).contains("/api/session", "/api/logout", "/api/password",
                "/api/history", "/api/history/topics", "/api/settings/location", "/vendor/uplot.js");
        assertThat(routes).extracting(route -> route.method() + " " + route.path())
                .contains("GET /api/clients", "GET /api/stats", "GET /api/topics", "DELETE /api/topics");

        for (WebServer.Route route : routes) {
            HttpResponse<String> response = browser.send(route.method(), route.path().replaceAll("\\{[^}]*}", "x"),
                    route.method().equals("GET") ? null : "{}", false);
            if (route.open()) {
                // Besides health and login, only the dashboard's own files, which hold no data.
                assertThat(route.path()).as(route.toString()).satisfiesAnyOf(
                        path -> assertThat(path).isIn("/api/health", "/api/login"),
                        path -> assertThat(path).matches("/|/[\\w/-]+\\.(html|css|js|svg)"));
            } else {
                assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
                assertThat(json(response).get("error").asText()).isEqualTo("login required");
            }
        }
    }

    @Test
    void loginSetsAnHttpOnlySameSiteStrictCookieAndOpensTheSession() throws Exception {
        HttpResponse<String> login = browser.login("admin", PASSWORD);

        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("roost_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
        assertThat(json(login).get("admin").asBoolean()).isTrue();
        assertThat(json(login).get("mustChangePassword").asBoolean()).isFalse();

        HttpResponse<String> session = browser.get("/api/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).get("username").asText()).isEqualTo("admin");
    }

    @Test
    void wrongPasswordOrUnknownUserIs401WithoutSayingWhich() throws Exception {
        HttpResponse<String> wrongPassword = browser.login("admin", "not the password");
        HttpResponse<String> unknownUser = browser.login("mallory", PASSWORD);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenForTheRightOne() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login("admin", "guess " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = browser.login("admin", PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(throttled).get("field").asText()).isEqualTo("password");
    }

    @Test
    void stateChangingRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        browser.login("admin", PASSWORD);

        HttpResponse<String> forged = browser.send("POST", "/api/logout", null, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("field").asText()).isEqualTo("X-CSRF-Token");
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(200);

        assertThat(browser.post("/api/logout", null).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void malformedLoginBodiesAre400NamingTheField() throws Exception {
        HttpResponse<String> notJson = browser.send("POST", "/api/login", "{user", false);
        HttpResponse<String> noPassword = browser.send("POST", "/api/login", "{\"username\":\"admin\"}", false);
        HttpResponse<String> numberName = browser.send("POST", "/api/login", "{\"username\":1,\"password\":\"x\"}", false);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("detail").asText()).startsWith("the body is not valid JSON");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(json(noPassword).get("field").asText()).isEqualTo("password");
        assertThat(json(numberName).get("field").asText()).isEqualTo("username");
        assertThat(json(numberName).get("detail").asText()).isEqualTo("must be a string");
    }

    @Test
    void generatedInitialPasswordWorksOnceAndMustBeReplaced(@TempDir Path fresh) throws Exception {
        try (RunningHub generated = RunningHub.start(fresh, null)) {
            Path file = fresh.resolve("initial-admin-password");
            String initial = Files.readString(file).strip();
            WebClient phone = new WebClient(generated.httpBase());

            HttpResponse<String> login = phone.login("admin", initial);
            assertThat(json(login).get("mustChangePassword").asBoolean()).isTrue();
            HttpResponse<String> tooShort = phone.post("/api/password",
                    "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"short\"}");
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(json(tooShort).get("field").asText()).isEqualTo("newPassword");

            HttpResponse<String> changed = phone.post("/api/password",
                    "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"my own password\"}");

            assertThat(changed.statusCode()).isEqualTo(204);
            assertThat(file).doesNotExist();
            assertThat(json(phone.get("/api/session")).get("mustChangePassword").asBoolean()).isFalse();
            assertThat(new WebClient(generated.httpBase()).login("admin", initial).statusCode()).isEqualTo(401);
            assertThat(new WebClient(generated.httpBase()).login("admin", "my own password").statusCode())
                    .isEqualTo(200);
        }
    }
}
