package dev.roost.web.live;

/**
 * The device and state messages the dashboard shows as they happen; the hub implements it on the broker.
 * Listeners are called on the feed's own thread, one message at a time, in the order the broker routed them.
 */
public interface LiveFeed {

    /**
     * Calls {@code listener} with every message under the device base topic until the returned handle is closed.
     */
    LiveSubscription subscribe(LiveListener listener);

    /** A feed without messages, for a hub that runs no broker. */
    static LiveFeed none() {
        return listener -> () -> { };
    }
}
