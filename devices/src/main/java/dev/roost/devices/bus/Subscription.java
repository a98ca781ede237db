package dev.roost.devices.bus;

/** A live subscription on the {@link DeviceBus}, ended by {@link #cancel()}. */
public interface Subscription {

    /** Stops delivery to the handler; calling it again has no effect. */
    void cancel();
}
