package dev.roost.hub.broker.transport;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty settings for the appliance, which its main applies before the first connection; each one only when the
 * user has not chosen otherwise with {@code -D}.
 */
public final class NettyDefaults {

    private static final String LEAK_DETECTION = "io.netty.leakDetection.level";
    private static final String JFR_EVENTS = "io.netty.jfr.enabled";

    private NettyDefaults() {
    }

    /** Call before anything else uses Netty: it reads {@link #JFR_EVENTS} once, as its classes are initialised. */
    public static void forAppliance() {
        if (System.getProperty(JFR_EVENTS) == null) {
            // Netty's buffer allocator registers Flight Recorder events when it makes its first chunk of memory,
            // on the broker loop as the first client connects: that loaded the JVM's whole event metadata there,
            // about 120 ms of CPU time while every client waited, and kept about 2 MB more resident. The hub
            // does not record with Flight Recorder; -Dio.netty.jfr.enabled=true brings the events back.
            System.setProperty(JFR_EVENTS, "false");
        }
        if (System.getProperty(LEAK_DETECTION) == null) {
            // Buffer leak sampling records a stack trace now and then on the message path; the tests keep it
            // on (they run the broker in-process), the appliance does not pay for it.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
