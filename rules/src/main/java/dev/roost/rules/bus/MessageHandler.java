package dev.roost.rules.bus;

/** Receives the messages of a {@link MessageBus} subscription. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Called once per matching message.
     *
     * @param retained true when the message is the broker's retained value delivered on subscribe
     */
    void onMessage(String topic, byte[] payload, boolean retained);
}
