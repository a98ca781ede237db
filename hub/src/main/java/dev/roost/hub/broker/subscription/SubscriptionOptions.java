package dev.roost.hub.broker.subscription;

/**
 * How one subscription wants its messages: the maximum QoS and, from MQTT 5, No Local, Retain As Published,
 * Retain Handling and a subscription identifier [MQTT-3.8.3-1..5]. MQTT 3.1.1 subscriptions only have the QoS.
 *
 * @param retainHandling 0 send retained messages at subscribe, 1 only when the subscription is new, 2 never
 * @param identifier     the subscription identifier, 0 for none
 */
public record SubscriptionOptions(int qos, boolean noLocal, boolean retainAsPublished, int retainHandling,
                                  int identifier) {

    private static final SubscriptionOptions[] PLAIN = {
        new SubscriptionOptions(0, false, false, 0, 0),
        new SubscriptionOptions(1, false, false, 0, 0),
        new SubscriptionOptions(2, false, false, 0, 0),
    };

    /** A subscription with only a QoS, as MQTT 3.1.1 and in-process clients make them. */
    public static SubscriptionOptions qos(int qos) {
        return PLAIN[qos];
    }

    /** The options of an MQTT 5 option byte and a subscription identifier (0 for none). */
    public static SubscriptionOptions fromOptionByte(int options, int identifier) {
        SubscriptionOptions result = new SubscriptionOptions(options & 0x03, (options & 0x04) != 0,
                (options & 0x08) != 0, (options >> 4) & 0x03, identifier);
        return result.equals(PLAIN[result.qos()]) ? PLAIN[result.qos()] : result;
    }

    /** How a message reaches the subscriber through this subscription alone. */
    public Route route() {
        return identifier == 0 && !retainAsPublished ? Route.plain(qos)
                : new Route(qos, retainAsPublished, identifier == 0 ? Route.NO_IDS : new int[] {identifier});
    }

    /** The option byte of a SUBSCRIBE, as MQTT 5 writes it. */
    public int optionByte() {
        return qos | (noLocal ? 0x04 : 0) | (retainAsPublished ? 0x08 : 0) | retainHandling << 4;
    }
}
