package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managing users over {@code /api/users} on a running hub. */
class UserAdminApiTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient admin;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        admin = new WebClient(hub.httpBase());
        assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> addUser(WebClient as, String name, String password, boolean isAdmin)
            throws Exception {
        return as.post("/api/users", WebClient.JSON.createObjectNode().put("name", name).put("password", password)
                .put("admin", isAdmin).toString());
    }

    @Test
    void anAdminAddsAUserWhoCanThenLogIn() throws Exception {
        HttpResponse<String> added = addUser(admin, "guest", "guest password", false);

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).get("name").asText()).isEqualTo("guest");
        assertThat(json(added).get("admin").asBoolean()).isFalse();
        assertThat(new WebClient(hub.httpBase()).login("guest", "guest password").statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/api/users")).findValuesAsText("name")).containsExactly("admin", "guest");
    }

    @Test
    void badNamesAndPasswordsAre400NamingTheFieldAndTakenNamesAre409() throws Exception {
        HttpResponse<String> badName = addUser(admin, "<img src=x>", "guest password", false);
        HttpResponse<String> shortPassword = addUser(admin, "guest", "short", false);
        HttpResponse<String> taken = addUser(admin, "admin", "guest password", false);

        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).get("field").asText()).isEqualTo("name");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(json(shortPassword).get("field").asText()).isEqualTo("password");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(admin.get("/api/users")).findValuesAsText("name")).containsExactly("admin");
    }

    @Test
    void someoneWhoIsNotAnAdminMayNotManageUsers() throws Exception {
        addUser(admin, "guest", "guest password", false);
        WebClient guest = new WebClient(hub.httpBase());
        guest.login("guest", "guest password");

        HttpResponse<String> attempt = addUser(guest, "intruder", "intruder password", true);

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(guest.get("/api/users").statusCode()).isEqualTo(403);
        assertThat(guest.send("DELETE", "/api/users/admin", null, true).statusCode()).isEqualTo(403);
    }

    @Test
    void aRemovedUsersOpenSessionEndsAtOnce() throws Exception {
        addUser(admin, "guest", "guest password", false);
        WebClient guest = new WebClient(hub.httpBase());
        guest.login("guest", "guest password");
        assertThat(guest.get("/api/session").statusCode()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/api/users/guest", null, true).statusCode()).isEqualTo(204);

        assertThat(guest.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(admin.send("DELETE", "/api/users/guest", null, true).statusCode()).isEqualTo(404);
    }

    @Test
    void theLastAdminCannotBeRemoved() throws Exception {
        HttpResponse<String> attempt = admin.send("DELETE", "/api/users/admin", null, true);

        assertThat(attempt.statusCode()).isEqualTo(409);
        assertThat(json(attempt).get("detail").asText()).contains("last admin");
    }

    @Test
    void anUnknownBearerTokenIs401() throws Exception {
        HttpResponse<String> response = new WebClient(hub.httpBase()).sendWithHeader("GET", "/api/users",
                "Authorization", "Bearer not-the-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("field").asText()).isEqualTo("Authorization");
    }
}
