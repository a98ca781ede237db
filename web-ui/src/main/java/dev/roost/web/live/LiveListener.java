package dev.roost.web.live;

/** Receives the messages of a {@link LiveFeed}. */
@FunctionalInterface
public interface LiveListener {

    void onMessage(LiveMessage message);
}
