package dev.roost.hub;

import dev.roost.hub.config.HubConfig;

import java.io.IOException;
import java.nio.file.Path;

/** The whole hub in this JVM on free loopback ports and a test's temp folder, as a test fixture. */
public final class RunningHub implements AutoCloseable {

    private final Hub hub;
    private final Path dataDir;

    private RunningHub(Hub hub, Path dataDir) {
        this.hub = hub;
        this.dataDir = dataDir;
    }

    /** @param adminPassword the first start's admin password; null lets the hub generate one */
    public static RunningHub start(Path dataDir, String adminPassword) throws IOException {
        return new RunningHub(Hub.start(HubConfig.defaults(), dataDir, 0, 0, 0, false, adminPassword), dataDir);
    }

    public Hub hub() {
        return hub;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String httpBase() {
        return "http://127.0.0.1:" + hub.ports().http();
    }

    @Override
    public void close() {
        hub.close();
    }
}
