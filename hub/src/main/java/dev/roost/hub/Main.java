package dev.roost.hub;

import dev.roost.hub.broker.transport.NettyDefaults;
import dev.roost.hub.cli.CommandLine;
import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import dev.roost.hub.users.UserCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The appliance's entry point: parses the command line, loads the config, starts the hub and stops it
 * gracefully on SIGTERM or Ctrl-C. Exit codes: 0 after a clean stop, 1 when start-up fails, 2 for a bad
 * command line or config.
 */
public final class Main {

    private static final Duration STOP_GRACE = Duration.ofSeconds(8);

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(Arrays.asList(args));
        } catch (CommandLine.UsageException e) {
            System.err.println("roost: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        if (cli.version()) {
            System.out.println("roost " + Version.current());
            return;
        }
        if (cli.user() != null) {
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.exit(new UserCommands(cli.dataDir(), System.out, System.err).run(cli.user(), System.console(), stdin));
            return;
        }
        HubConfig config;
        try {
            config = new ConfigLoader().load(cli.config());
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("roost: config error: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(cli, config);
    }

    private static void run(CommandLine cli, HubConfig config) {
        NettyDefaults.forAppliance();
        Logger log = LoggerFactory.getLogger(Main.class);
        Hub hub;
        try {
            hub = Hub.start(config, cli.dataDir(),
                    new PortOverrides(cli.mqttPort(), cli.wsPort(), cli.httpPort(), cli.tlsPort(), cli.wssPort()),
                    cli.simulate(), System.getenv("ROOST_ADMIN_PASSWORD"));
        } catch (StorageException e) {
            // A person can act on this line (free space, fix permissions, restore a backup): no stack trace.
            System.err.println("roost: storage error: " + e.getMessage());
            System.exit(1);
            return;
        } catch (IOException | RuntimeException e) {
            log.atError().setCause(e).log("Roost could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Handling the signals ourselves (rather than in a shutdown hook) lets a clean stop exit with 0.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stopping");
        hub.stop(STOP_GRACE);
        log.info("stopped");
        System.exit(0);
    }
}
