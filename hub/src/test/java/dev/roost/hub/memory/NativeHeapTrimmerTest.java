package dev.roost.hub.memory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeHeapTrimmerTest {

    @Test
    void trimsThroughTheJvmsDiagnosticCommand() {
        // OpenJDK 17.0.9 and later (Raspberry Pi OS and Debian ship such builds) report what was given back.
        assertThat(NativeHeapTrimmer.trimNow()).contains("Trim native heap");
    }
}
