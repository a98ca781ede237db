package dev.roost.hub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line contract of ARCHITECTURE.md. Parsing never exits the process itself; a bad argument
 * becomes a {@link UsageException} whose message is the one line the user sees.
 *
 * @param config    the YAML config file, or null for the embedded defaults
 * @param dataDir   where the database, ports.json and generated files live
 * @param mqttPort  null when not given (the config or the default decides); 0 picks a free port
 * @param help      print the flags and exit
 * @param user      a user-management command instead of starting the hub, or null
 */
public record CommandLine(Path config, Path dataDir, Integer mqttPort, Integer wsPort, Integer httpPort,
                          Integer tlsPort, Integer wssPort, boolean simulate, boolean help, boolean version, UserCommand user) {

    public static final String USAGE = """
            Usage: java -jar roost.jar [options]
                   java -jar roost.jar [--data DIR] user add NAME [--admin] | user passwd NAME | user rm NAME | user list

            Roost home-automation hub: MQTT broker, rules, devices and web UI in one process.

            Options:
              --config FILE      YAML configuration file (every key optional)
              --data DIR         data folder: database, ports.json, generated files (default ./data)
              --mqtt-port N      MQTT over TCP port (default 1883; 0 = any free port)
              --ws-port N        MQTT over WebSocket port, path /mqtt (default 8083; 0 = any free port)
              --http-port N      web UI and HTTP API port (default 8080; 0 = any free port)
              --tls-port N       MQTT over TLS port (default 8883; 0 = any free port)
              --wss-port N       MQTT over WebSocket with TLS port, path /mqtt (default 8084; 0 = any free port)
              --simulate         use simulated devices even on a Raspberry Pi
              --version          print the version and exit
              --help             print this help and exit

            The chosen ports are written to DATA/ports.json once the hub is ready.

            User commands work whether or not the hub is running. The password is read from standard input,
            or asked for twice when it is a terminal.
                        """;

    /** A command line that cannot be run; the message names the argument and the reason. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(List<String> args) throws UsageException {
        Path config = null;
        Path data = Path.of("data");
        Integer mqtt = null;
        Integer ws = null;
        Integer http = null;
        Integer tls = null;
        Integer wss = null;
        boolean simulate = false;
        boolean help = false;
        boolean version = false;
        boolean admin = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--mqtt-port" -> mqtt = port(value(args, ++i, arg), arg);
                case "--ws-port" -> ws = port(value(args, ++i, arg), arg);
                case "--http-port" -> http = port(value(args, ++i, arg), arg);
                case "--tls-port" -> tls = port(value(args, ++i, arg), arg);
                case "--wss-port" -> wss = port(value(args, ++i, arg), arg);
                case "--simulate" -> simulate = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--admin" -> admin = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "' (see --help)");
                    }
                    words.add(arg);
                }
            }
        }
        UserCommand user = words.isEmpty() ? null : UserCommand.parse(words, admin);
        if (admin && user == null) {
            throw new UsageException("--admin goes only with user add");
        }
        return new CommandLine(config, data, mqtt, ws, http, tls, wss, simulate, help, version, user);
    }

    private static String value(List<String> args, int index, String flag) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        String value = args.get(index);
        if (value.isBlank()) {
            throw new UsageException(flag + " needs a non-empty value");
        }
        return value;
    }

    private static int port(String value, String flag) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the flag's name
        }
        throw new UsageException(flag + " must be a port number from 0 to 65535, got '" + value + "'");
    }
}
