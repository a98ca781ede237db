package dev.roost.hub.broker.local;

/** Receives messages for an in-process subscription, on the local client's own delivery thread. */
@FunctionalInterface
public interface MessageListener {

    void onMessage(String topic, byte[] payload, boolean retained);
}
