package dev.roost.hub.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hub in-process and a headless Chromium beside it, for one browser test. Closing quits the browser, stops the
 * hub, and fails the test when Javalin logged a warning meanwhile.
 */
final class BrowserFixture implements AutoCloseable {

    final RunningHub hub;
    final Chromium browser;
    private final JavalinWarnings warnings;

    private BrowserFixture(RunningHub hub, Chromium browser, JavalinWarnings warnings) {
        this.hub = hub;
        this.browser = browser;
        this.warnings = warnings;
    }

    static BrowserFixture start(Path temp, String adminPassword) throws IOException {
        assertThat(Chromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        JavalinWarnings warnings = new JavalinWarnings();
        RunningHub hub = RunningHub.start(temp.resolve("data"), adminPassword);
        try {
            return new BrowserFixture(hub, Chromium.start(Files.createDirectories(temp.resolve("profile"))),
                    warnings);
        } catch (IOException | RuntimeException e) {
            hub.close();
            warnings.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            hub.close();
        }
        warnings.assertNone();
    }
}
