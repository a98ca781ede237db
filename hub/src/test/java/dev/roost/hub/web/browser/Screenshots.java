package dev.roost.hub.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where browser tests leave their screenshots for a person to look at: the repository's web-ui/target/screenshots. */
final class Screenshots {

    private static final int MAX_DEPTH = 5;

    private Screenshots() {
    }

    /** Found from the working directory (the hub module when Maven runs the tests) upwards. */
    static Path folder() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int depth = 0; dir != null && depth < MAX_DEPTH; depth++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("web-ui/pom.xml"))) {
                return dir.resolve("web-ui/target/screenshots");
            }
        }
        throw new IllegalStateException("no web-ui module above " + System.getProperty("user.dir"));
    }
}
