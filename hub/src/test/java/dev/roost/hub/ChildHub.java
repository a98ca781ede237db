package dev.roost.hub;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub as the operating system runs it: {@code Main} in a child JVM with {@code -Xmx64m}, on this test's class
 * path, its output in {@code hub.out} and {@code hub.err} of a test's folder.
 */
public final class ChildHub {

    private ChildHub() {
    }

    public static Process start(Path folder, String... args) throws IOException {
        return start(folder, List.of(), args);
    }

    /** With more options for the JVM, after {@code -Xmx64m}. */
    public static Process start(Path folder, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.roost.hub.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout(folder).toFile())
                .redirectError(stderr(folder).toFile())
                .start();
    }

    public static Path stdout(Path folder) {
        return folder.resolve("hub.out");
    }

    public static Path stderr(Path folder) {
        return folder.resolve("hub.err");
    }

    /** A file's text, or empty when it does not exist (yet). */
    public static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** For failure messages: how the process ended and what it wrote. */
    public static String describe(Process process, Path folder) throws IOException {
        String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
        return exit + ", stdout [" + read(stdout(folder)) + "], stderr [" + read(stderr(folder)) + "]";
    }

    /** Kills a child that is still running, also when a test failed half-way. */
    public static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
