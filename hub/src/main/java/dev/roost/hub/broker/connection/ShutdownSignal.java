package dev.roost.hub.broker.connection;

/** Set once when the broker begins to stop, so late CONNECTs are answered "server unavailable". */
public final class ShutdownSignal {

    private volatile boolean stopping;

    public void begin() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }
}
