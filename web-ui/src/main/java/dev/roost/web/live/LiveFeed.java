package dev.roost.web.live;

import java.util.List;

/**
 * The device and state messages the dashboard shows as they happen; the hub implements it on the broker.
 * Listeners are called on the feed's own thread, one message at a time, in the order the broker routed them.
 */
public interface LiveFeed {

    /** The most topics {@link #latest()} returns, so a new browser's first burst stays bounded. */
    int MAX_LATEST = 500;

    /**
     * Calls {@code listener} with every message under the device base topic until the returned handle is closed.
     */
    LiveSubscription subscribe(LiveListener listener);

    /** The last message of each topic seen, oldest first, at most {@link #MAX_LATEST}: a new dashboard's start. */
    List<LiveMessage> latest();

    /** A feed without messages, for a hub that runs no broker. */
    static LiveFeed none() {
        return new LiveFeed() {
            @Override
            public LiveSubscription subscribe(LiveListener listener) {
                return () -> { };
            }

            @Override
            public List<LiveMessage> latest() {
                return List.of();
            }
        };
    }
}
