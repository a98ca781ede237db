package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** SUBSCRIBE and UNSUBSCRIBE of one connection. Runs on the broker loop. */
final class SubscribeHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscribeHandler.class);
    private static final int FAILURE = 0x80;

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

    Result subscribe(Session session, ClientIdentity who, MqttSubscribeMessage message) {
        List<MqttTopicSubscription> requested = message.payload().topicSubscriptions();
        if (requested.isEmpty()) {
            return Result.violation("SUBSCRIBE without topic filters"); // [MQTT-3.8.3-3]
        }
        BrokerConfig config = broker.config();
        SubscriptionTree tree = broker.router().subscriptions();
        int[] granted = new int[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            MqttTopicSubscription subscription = requested.get(i);
            if (!isPlain311Option(subscription.option())) {
                return Result.violation("reserved bits set in subscription options"); // [MQTT-3.8.3-4]
            }
            String filter = subscription.topicFilter();
            String problem = Topics.checkFilter(filter, config.maxTopicBytes(), config.maxTopicLevels());
            boolean isNew = !session.subscriptions().containsKey(filter);
            if (problem == null && isNew && session.subscriptions().size() >= config.maxSubscriptionsPerClient()) {
                problem = "more than " + config.maxSubscriptionsPerClient() + " subscriptions";
            }
            if (problem == null && !broker.permissions().maySubscribe(who, filter)) {
                problem = "not permitted for " + (who.username() == null ? "anonymous clients" : who.username());
                broker.stats().subscriptionsDenied.increment();
            }
            if (problem != null) {
                log.atInfo().addKeyValue("clientId", session.clientId()).addKeyValue("filter", filter)
                        .addKeyValue("reason", problem).log("subscription refused");
                granted[i] = FAILURE;
                continue;
            }
            int qos = subscription.qualityOfService().value();
            tree.subscribe(filter, session, qos); // replaces an identical filter [MQTT-3.8.4-3]
            session.addSubscription(filter, qos);
            granted[i] = qos;
        }
        MqttSubAckMessage reply = new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(message.variableHeader().messageId()), // [MQTT-3.8.4-2]
                new MqttSubAckPayload(granted));
        return new Result(null, reply, () -> sendRetained(session, requested, granted));
    }

    private void sendRetained(Session session, List<MqttTopicSubscription> requested, int[] granted) {
        for (int i = 0; i < granted.length; i++) {
            if (granted[i] != FAILURE) {
                broker.router().sendRetained(requested.get(i).topicFilter(), granted[i], session);
            }
        }
    }

    Result unsubscribe(Session session, MqttUnsubscribeMessage message) {
        List<String> filters = message.payload().topics();
        if (filters.isEmpty()) {
            return Result.violation("UNSUBSCRIBE without topic filters"); // [MQTT-3.10.3-2]
        }
        for (String filter : filters) {
            if (session.removeSubscription(filter)) {
                broker.router().subscriptions().unsubscribe(filter, session);
            }
        }
        // UNSUBACK even when nothing matched [MQTT-3.10.4-5].
        MqttUnsubAckMessage reply = new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(message.variableHeader().messageId()));
        return new Result(null, reply, () -> { });
    }

    /** MQTT 3.1.1 only has the QoS bits; the others are reserved and must be zero. */
    private static boolean isPlain311Option(MqttSubscriptionOption option) {
        return !option.isNoLocal() && !option.isRetainAsPublished()
                && option.retainHandling() == MqttSubscriptionOption.RetainedHandlingPolicy.SEND_AT_SUBSCRIBE;
    }
}
