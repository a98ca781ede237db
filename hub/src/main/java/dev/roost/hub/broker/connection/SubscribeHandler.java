package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.codec.PropertyValues;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.subscription.SubscriptionOptions;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE and UNSUBSCRIBE of one connection, in MQTT 3.1.1 or MQTT 5 form. Runs on the broker loop. */
final class SubscribeHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscribeHandler.class);
    /** The one failure code of MQTT 3.1.1. */
    private static final int FAILURE = 0x80;
    /** MQTT 5 reason codes [MQTT 5, 3.9.3, 3.11.3]. */
    private static final int NO_SUBSCRIPTION_EXISTED = 0x11;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int TOPIC_FILTER_INVALID = 0x8F;
    private static final int QUOTA_EXCEEDED = 0x97;
    private static final int SHARED_SUBSCRIPTIONS_NOT_SUPPORTED = 0x9E;

    /** What to answer: a violation to close for, or a reply and what to do after it is written. */
    record Result(String violation, MqttMessage reply, Runnable afterReply) {
        static Result violation(String reason) {
            return new Result(reason, null, null);
        }
    }

    private final BrokerContext broker;

    SubscribeHandler(BrokerContext broker) {
        this.broker = broker;
    }

    Result subscribe(Session session, ClientIdentity who, MqttSubscribeMessage message, boolean mqtt5) {
        List<MqttTopicSubscription> requested = message.payload().topicSubscriptions();
        if (requested.isEmpty()) {
            return Result.violation("SUBSCRIBE without topic filters"); // [MQTT-3.8.3-3]
        }
        int identifier = 0;
        if (mqtt5) {
            Object id = PropertyValues.value(message.idAndPropertiesVariableHeader().properties(),
                    MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER);
            identifier = id == null ? 0 : (Integer) id;
            if (id != null && identifier <= 0) {
                return Result.violation("subscription identifier " + identifier); // [MQTT 5, 3.8.2.1.2]
            }
        }
        BrokerConfig config = broker.config();
        SubscriptionTree tree = broker.router().subscriptions();
        int[] codes = new int[requested.size()];
        List<Runnable> retainedToSend = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            MqttTopicSubscription subscription = requested.get(i);
            if (!mqtt5 && !isPlain311Option(subscription.option())) {
                return Result.violation("reserved bits set in subscription options"); // [MQTT-3.8.3-4]
            }
            String filter = subscription.topicFilter();
            int failure = 0;
            String problem = Topics.checkFilter(filter, config.maxTopicBytes(), config.maxTopicLevels());
            if (problem != null) {
                failure = TOPIC_FILTER_INVALID;
            } else if (mqtt5 && filter.startsWith("$share/")) {
                problem = "shared subscriptions are not supported";
                failure = SHARED_SUBSCRIPTIONS_NOT_SUPPORTED;
            }
            boolean isNew = !session.subscriptions().containsKey(filter);
            if (problem == null && isNew && session.subscriptions().size() >= config.maxSubscriptionsPerClient()) {
                problem = "more than " + config.maxSubscriptionsPerClient() + " subscriptions";
                failure = QUOTA_EXCEEDED;
            }
            if (problem == null && !broker.permissions().maySubscribe(who, filter)) {
                problem = "not permitted for " + (who.username() == null ? "anonymous clients" : who.username());
                failure = NOT_AUTHORIZED;
                broker.stats().subscriptionsDenied.increment();
            }
            if (problem != null) {
                log.atInfo().addKeyValue("clientId", session.clientId()).addKeyValue("filter", filter)
                        .addKeyValue("reason", problem).log("subscription refused");
                codes[i] = mqtt5 ? failure : FAILURE;
                continue;
            }
            SubscriptionOptions options = options(subscription.option(), identifier);
            tree.subscribe(filter, session, options); // replaces an identical filter [MQTT-3.8.4-3]
            session.addSubscription(filter, options);
            codes[i] = options.qos();
            // Retain Handling: 0 always, 1 only for a new subscription, 2 never [MQTT-3.3.1-9..11].
            if (options.retainHandling() == 0 || options.retainHandling() == 1 && isNew) {
                retainedToSend.add(() -> broker.router().sendRetained(filter, options, session));
            }
        }
        int packetId = message.variableHeader().messageId(); // [MQTT-3.8.4-2]
        MqttSubAckMessage reply = new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                mqtt5 ? new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES)
                        : MqttMessageIdVariableHeader.from(packetId),
                new MqttSubAckPayload(codes));
        return new Result(null, reply, () -> retainedToSend.forEach(Runnable::run));
    }

    private static SubscriptionOptions options(MqttSubscriptionOption option, int identifier) {
        int retainHandling = switch (option.retainHandling()) {
            case SEND_AT_SUBSCRIBE -> 0;
            case SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS -> 1;
            case DONT_SEND_AT_SUBSCRIBE -> 2;
        };
        int byteForm = option.qos().value() | (option.isNoLocal() ? 0x04 : 0)
                | (option.isRetainAsPublished() ? 0x08 : 0) | retainHandling << 4;
        return SubscriptionOptions.fromOptionByte(byteForm, identifier);
    }

    Result unsubscribe(Session session, MqttUnsubscribeMessage message, boolean mqtt5) {
        List<String> filters = message.payload().topics();
        if (filters.isEmpty()) {
            return Result.violation("UNSUBSCRIBE without topic filters"); // [MQTT-3.10.3-2]
        }
        short[] codes = new short[filters.size()];
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            if (session.removeSubscription(filter)) {
                broker.router().subscriptions().unsubscribe(filter, session);
            } else {
                codes[i] = NO_SUBSCRIPTION_EXISTED;
            }
        }
        // UNSUBACK even when nothing matched [MQTT-3.10.4-5].
        int packetId = message.variableHeader().messageId();
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0);
        MqttUnsubAckMessage reply = mqtt5
                ? new MqttUnsubAckMessage(header,
                        new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                        new MqttUnsubAckPayload(codes))
                : new MqttUnsubAckMessage(header, MqttMessageIdVariableHeader.from(packetId));
        return new Result(null, reply, () -> { });
    }

    /** MQTT 3.1.1 only has the QoS bits; the others are reserved and must be zero. */
    private static boolean isPlain311Option(MqttSubscriptionOption option) {
        return !option.isNoLocal() && !option.isRetainAsPublished()
                && option.retainHandling() == MqttSubscriptionOption.RetainedHandlingPolicy.SEND_AT_SUBSCRIBE;
    }
}
