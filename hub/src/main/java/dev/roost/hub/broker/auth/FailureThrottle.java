package dev.roost.hub.broker.auth;

import java.time.Duration;

/** Slows down guessing: how long a source must wait after failed attempts. Thread-safe. */
public interface FailureThrottle {

    /** Zero when {@code source} may try now. */
    Duration waitFor(String source);

    void failed(String source);

    void succeeded(String source);
}
