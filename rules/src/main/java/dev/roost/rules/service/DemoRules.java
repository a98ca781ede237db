package dev.roost.rules.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo rule set shipped in the jar ({@code dev/roost/rules/demo/demo-rules.yaml}), as one YAML file. */
public final class DemoRules {

    private static final String RESOURCE = "/dev/roost/rules/demo/demo-rules.yaml";

    private DemoRules() {
    }

    /** The demo rule set's text. */
    public static String text() {
        try (InputStream in = DemoRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
