package dev.roost.hub.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import dev.roost.hub.cli.CommandLine;
import dev.roost.hub.cli.UserCommand;
import dev.roost.hub.storage.Database;
import dev.roost.hub.web.WebClient;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code roost.jar user ...} with and without a hub running on the data folder. */
class UserCommandsTest {

    private static final String ADMIN_PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) throws Exception {
        out.reset();
        err.reset();
        UserCommand command = CommandLine.parse(List.of(args)).user();
        return new UserCommands(data, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(command, null, new BufferedReader(new StringReader(stdin)));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void whileTheHubRunsUsersAreManagedThroughItAndCanLogInAtOnce() throws Exception {
        try (RunningHub hub = RunningHub.start(data, ADMIN_PASSWORD)) {
            assertThat(run("kitchen-tablet-pw\n", "user", "add", "kitchen", "--admin")).as(err()).isZero();
            assertThat(out()).isEqualTo("added user kitchen (admin)");
            assertThat(new WebClient(hub.httpBase()).login("kitchen", "kitchen-tablet-pw").statusCode())
                    .isEqualTo(200);

            assertThat(run("", "user", "list")).isZero();
            assertThat(out().lines()).containsExactly("admin  admin", "kitchen  admin");

            assertThat(run("new secret 42\n", "user", "passwd", "kitchen")).isZero();
            assertThat(run("", "user", "rm", "kitchen")).isZero();
            assertThat(out()).isEqualTo("removed user kitchen");
            assertThat(new WebClient(hub.httpBase()).login("kitchen", "new secret 42").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void withoutARunningHubTheDatabaseIsChangedDirectly() throws Exception {
        try (RunningHub hub = RunningHub.start(data, ADMIN_PASSWORD)) {
            hub.hub().broker(); // started once, so the file exists with its schema, then stopped
        }

        assertThat(run("sensor-password\n", "user", "add", "sensors")).as(err()).isZero();
        assertThat(out()).isEqualTo("added user sensors");

        try (Database database = Database.open(data, List.of("hub"))) {
            UserStore users = new UserStore(database.dataSource(), new PasswordHash());
            assertThat(users.verify("sensors", "sensor-password")).isPresent();
        }
    }

    @Test
    void aUserAddedBeforeTheFirstStartDoesNotPreventTheAdminFromBeingCreated() throws Exception {
        assertThat(run("sensor-password\n", "user", "add", "sensors")).as(err()).isZero();

        try (RunningHub hub = RunningHub.start(data, ADMIN_PASSWORD)) {
            assertThat(new WebClient(hub.httpBase()).login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusalsSayWhyInOneLineAndChangeNothing() throws Exception {
        try (RunningHub hub = RunningHub.start(data, ADMIN_PASSWORD)) {
            assertThat(run("short\n", "user", "add", "bob")).isEqualTo(1);
            assertThat(err()).isEqualTo("roost: user add: password: use at least 8 characters");
            assertThat(run("long enough\n", "user", "add", "admin")).isEqualTo(1);
            assertThat(err()).isEqualTo("roost: user add: name: a user named admin exists already");
            assertThat(run("", "user", "rm", "admin")).isEqualTo(1);
            assertThat(err()).contains("admin is the last admin");
            assertThat(run("", "user", "add", "bob")).isEqualTo(1);
            assertThat(err()).isEqualTo("roost: user add: no password on standard input; nothing changed");
        }
        assertThat(run("long enough\n", "user", "passwd", "nobody")).isEqualTo(1);
        assertThat(err()).isEqualTo("roost: user passwd: no user named nobody");
    }
}
