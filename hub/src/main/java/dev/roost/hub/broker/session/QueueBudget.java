package dev.roost.hub.broker.session;

/**
 * The bytes all client queues may hold together. When it is spent, the broker refuses new QoS 1/2
 * publishes before acknowledging them rather than accept messages it could not keep.
 * Confined to the broker's event loop.
 */
public final class QueueBudget {

    private final long limit;
    private long used;

    public QueueBudget(long limit) {
        this.limit = limit;
    }

    public boolean exhausted() {
        return used >= limit;
    }

    void take(long bytes) {
        used += bytes;
    }

    void giveBack(long bytes) {
        used -= bytes;
    }

    public long used() {
        return used;
    }
}
