package dev.roost.hub.broker.local;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.Subscriber;

import java.util.concurrent.Executor;

/** One in-process subscription; cancelling it removes it from the broker. */
public final class LocalSubscription implements Subscriber {

    private final LocalClient owner;
    private final String filter;
    private final MessageListener listener;
    private final Executor callbacks;

    LocalSubscription(LocalClient owner, String filter, MessageListener listener, Executor callbacks) {
        this.owner = owner;
        this.filter = filter;
        this.listener = listener;
        this.callbacks = callbacks;
    }

    public String filter() {
        return filter;
    }

    public void cancel() {
        owner.unsubscribe(this);
    }

    @Override
    public boolean deliver(Delivery delivery, int qos, boolean retainFlag, int[] subscriptionIds) {
        callbacks.execute(new Callback(listener, delivery.message(), retainFlag));
        return false; // a slow listener loses callbacks (counted) rather than stall network clients
    }

    /**
     * One message for the listener. A class rather than a lambda: the quick JIT compiler makes a lambda that
     * captures values through a slow call into the JVM, and this runs for every message the hub's rules see.
     */
    private record Callback(MessageListener listener, Message message, boolean retainFlag) implements Runnable {
        @Override
        public void run() {
            listener.onMessage(message.topic(), message.payload(), retainFlag);
        }
    }
}
