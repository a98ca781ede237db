package dev.roost.hub.broker.connection;

/** Set once when the broker begins to stop, so late CONNECTs are answered "server unavailable". */
public final class ShutdownSignal {

    /** Fired on every client channel as the broker stops, so MQTT 5 clients are told why (0x8B). */
    public static final Object CLOSING = new Object();

    private volatile boolean stopping;

    public void begin() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }
}
