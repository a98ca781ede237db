package dev.roost.rules.bus;

/** A live subscription on the {@link MessageBus}, ended by {@link #cancel()}. */
public interface Subscription {

    /** Stops delivery to the handler; calling it again has no effect. */
    void cancel();
}
