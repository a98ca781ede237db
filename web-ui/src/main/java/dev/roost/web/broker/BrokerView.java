package dev.roost.web.broker;

import java.time.Instant;
import java.util.List;

/**
 * What the web UI reads of the MQTT broker (connected clients, traffic, retained topics) and the one thing it
 * changes there, clearing a retained topic; the hub implements it on the broker. Every answer is bounded.
 */
public interface BrokerView {

    /** The most subscriptions listed per client; {@link Client#subscriptionCount()} tells how many it holds. */
    int MAX_SUBSCRIPTIONS_SHOWN = 100;
    /** The most characters of a retained payload shown. */
    int PREVIEW_CHARS = 120;

    /**
     * Connected clients in client id order, from {@code offset}, at most {@code limit}.
     *
     * @throws Unavailable when the broker does not answer in time
     */
    Clients clients(int offset, int limit);

    /** Traffic over the last minute and the broker's counters since it started. */
    Stats stats();

    /**
     * Retained topics starting with {@code prefix} (plain text; {@code $} topics only when it starts with {@code $}),
     * in topic order, at most {@code limit}.
     *
     * @throws Unavailable when the broker does not answer in time
     */
    RetainedTopics retained(String prefix, int limit);

    /** Why {@code topic} is not a retained topic one may clear, or null. */
    String clearProblem(String topic);

    /**
     * Clears a retained topic as publishing an empty retained message would: the store forgets it and its
     * subscribers are told.
     *
     * @return false when the topic had no retained message
     * @throws Unavailable when the broker does not answer in time
     */
    boolean clearRetained(String topic);

    /** A view of a hub that runs no broker: no clients, no traffic, nothing retained. */
    static BrokerView none() {
        return new BrokerView() {
            @Override
            public Clients clients(int offset, int limit) {
                return new Clients(0, offset, List.of());
            }

            @Override
            public Stats stats() {
                Flow nothing = new Flow(0, 0, 0, 0, List.of(), List.of());
                return new Stats(0, 0, 0, nothing, nothing, 0, 0, new Losses(0, 0, 0, 0, 0, 0, 0, 0));
            }

            @Override
            public RetainedTopics retained(String prefix, int limit) {
                return new RetainedTopics(0, List.of());
            }

            @Override
            public String clearProblem(String topic) {
                return "this hub runs no broker";
            }

            @Override
            public boolean clearRetained(String topic) {
                return false;
            }
        };
    }

    /** A page of connected clients and how many there are in all. */
    record Clients(int total, int offset, List<Client> clients) {
        public Clients {
            clients = List.copyOf(clients);
        }
    }

    /**
     * One connected client; the message counts run since its session began.
     *
     * @param username null for an anonymous client
     */
    record Client(String clientId, String address, String protocol, String username, boolean cleanSession,
                  Instant connectedSince, List<Subscription> subscriptions, int subscriptionCount, long messagesIn,
                  long messagesOut) {
        public Client {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    record Subscription(String filter, int qos) {
    }

    /**
     * The broker's figures: traffic as totals, averages per second over {@code windowSeconds} (up to the last
     * minute) and counts for each of those seconds, oldest first.
     */
    record Stats(int clientsConnected, long clientsTotal, double windowSeconds, Flow messages, Flow bytes,
                 int subscriptions, int retained, Losses losses) {
    }

    /** Traffic in one unit: totals since start, averages and the count of each second of the window. */
    record Flow(long received, long sent, double receivedPerSecond, double sentPerSecond,
                List<Long> receivedEachSecond, List<Long> sentEachSecond) {
        public Flow {
            receivedEachSecond = List.copyOf(receivedEachSecond);
            sentEachSecond = List.copyOf(sentEachSecond);
        }
    }

    /**
     * Every message the broker lost or refused since start, by reason.
     *
     * @param queueOverflow   QoS 1/2 messages dropped from a full client queue
     * @param qos0            QoS 0 messages a slow or absent subscriber did not get
     * @param slowListeners   messages the hub's own listeners (rules, devices) were too slow for
     * @param publishRefused  QoS 1/2 publishes refused because the broker's queue memory was full
     * @param publishDenied   publishes dropped by topic permissions
     * @param subscribeDenied subscriptions refused by topic permissions
     * @param retainedRefused retained values not kept because the retained store was full
     * @param protocolErrors  connections closed for breaking the protocol
     */
    record Losses(long queueOverflow, long qos0, long slowListeners, long publishRefused, long publishDenied,
                  long subscribeDenied, long retainedRefused, long protocolErrors) {
    }

    /** Retained topics in topic order, at most the limit asked for, and how many matched in all. */
    record RetainedTopics(int total, List<RetainedTopic> topics) {
        public RetainedTopics {
            topics = List.copyOf(topics);
        }
    }

    /**
     * One retained message.
     *
     * @param preview the payload's start as text, at most {@link #PREVIEW_CHARS} characters; hexadecimal when
     *                {@code binary}
     * @param size    the payload's length in bytes
     */
    record RetainedTopic(String topic, String preview, boolean binary, int size, int qos) {
    }

    /** The broker did not answer in time, e.g. while it is stopping or overloaded. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String detail, Throwable cause) {
            super(detail, cause);
        }
    }
}
