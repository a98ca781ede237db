package dev.roost.hub.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.hub.Ports;
import dev.roost.hub.cli.UserCommand;
import dev.roost.hub.storage.Database;
import dev.roost.web.auth.Account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code roost.jar user ...}: through the running hub's API with its {@link LocalAdminToken} when a hub
 * answers on this data folder, otherwise on the database file directly. Exit codes: 0 done, 1 refused or failed.
 */
public final class UserCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;

    public UserCommands(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    /** A refusal or failure, with the one line the user sees. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    public int run(UserCommand command, Console console, BufferedReader stdin) {
        try {
            String password = command.action().needsPassword() ? readPassword(command.name(), console, stdin) : null;
            Optional<String> result = throughRunningHub(command, password);
            out.println(result.isPresent() ? result.get() : direct(command, password));
            return 0;
        } catch (Refused | IOException | RuntimeException e) {
            err.println("roost: user " + command.action().word() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String readPassword(String name, Console console, BufferedReader stdin)
            throws IOException, Refused {
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new Refused("the two passwords differ; nothing changed");
            }
            return new String(first);
        }
        String line = stdin.readLine();
        if (line == null || line.isEmpty()) {
            throw new Refused("no password on standard input; nothing changed");
        }
        return line;
    }

    /** Empty when no hub answers on this data folder. */
    private Optional<String> throughRunningHub(UserCommand command, String password)
            throws IOException, Refused {
        Optional<String> token = LocalAdminToken.read(dataDir);
        if (token.isEmpty() || !Files.isRegularFile(dataDir.resolve(Ports.FILE_NAME))) {
            return Optional.empty();
        }
        String base = "http://127.0.0.1:" + Ports.readFrom(dataDir).http();
        HttpRequest.Builder request = switch (command.action()) {
            case ADD -> json(HttpRequest.newBuilder(URI.create(base + "/api/users")), "POST",
                    JSON.createObjectNode().put("name", command.name()).put("password", password)
                            .put("admin", command.admin()));
            case PASSWD -> json(HttpRequest.newBuilder(URI.create(base + "/api/users/" + command.name() + "/password")),
                    "PUT", JSON.createObjectNode().put("password", password));
            case RM -> HttpRequest.newBuilder(URI.create(base + "/api/users/" + command.name())).DELETE();
            case LIST -> HttpRequest.newBuilder(URI.create(base + "/api/users")).GET();
        };
        HttpResponse<String> response;
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            response = http.send(request.header("Authorization", "Bearer " + token.get()).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return Optional.empty(); // a hub that stopped without cleaning up: the file is free
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
        if (response.statusCode() >= 400) {
            JsonNode error = JSON.readTree(response.body());
            String field = error.path("field").isTextual() ? error.get("field").asText() + ": " : "";
            throw new Refused(field + error.path("detail").asText(error.path("error").asText()));
        }
        return Optional.of(command.action() == UserCommand.Action.LIST
                ? listing(Arrays.asList(JSON.readValue(response.body(), Account[].class)))
                : done(command));
    }

    private String direct(UserCommand command, String password) throws Refused {
        try (Database database = Database.open(dataDir, List.of("hub"))) {
            WebAccounts users = new WebAccounts(new UserStore(database.dataSource(), new PasswordHash()), dataDir,
                    () -> { });
            String problem = command.name() == null ? null : users.nameProblem(command.name());
            if (problem == null && password != null) {
                problem = users.passwordProblem(password);
            }
            if (problem != null) {
                throw new Refused(problem);
            }
            boolean changed = switch (command.action()) {
                case ADD -> users.add(command.name(), password, command.admin());
                case PASSWD -> users.setPassword(command.name(), password);
                case RM -> users.remove(command.name());
                case LIST -> true;
            };
            if (!changed) {
                throw new Refused(command.action() == UserCommand.Action.ADD
                        ? "a user named " + command.name() + " exists already" : "no user named " + command.name());
            }
            return command.action() == UserCommand.Action.LIST ? listing(users.list()) : done(command);
        }
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, JsonNode body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static String done(UserCommand command) {
        return switch (command.action()) {
            case ADD -> "added user " + command.name() + (command.admin() ? " (admin)" : "");
            case PASSWD -> "changed the password of " + command.name();
            case RM -> "removed user " + command.name();
            case LIST -> throw new IllegalArgumentException("list has no single outcome");
        };
    }

    private static String listing(List<Account> accounts) {
        StringBuilder text = new StringBuilder();
        for (Account account : accounts) {
            text.append(account.name()).append(account.admin() ? "  admin" : "")
                    .append(account.mustChangePassword() ? "  (must change password)" : "").append('\n');
        }
        return text.toString().stripTrailing();
    }
}
