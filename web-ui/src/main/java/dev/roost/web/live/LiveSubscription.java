package dev.roost.web.live;

/** Stops the messages of one {@link LiveFeed#subscribe} call; closing twice does nothing. */
@FunctionalInterface
public interface LiveSubscription extends AutoCloseable {

    @Override
    void close();
}
