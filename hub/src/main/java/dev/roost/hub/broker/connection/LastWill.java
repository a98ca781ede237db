package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.message.MessageProperties;
import dev.roost.hub.broker.session.ClientLink;
import dev.roost.hub.broker.session.Session;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * A client's will: published when its connection ends without a normal DISCONNECT [MQTT-3.1.2-8], at once or,
 * with an MQTT 5 Will Delay Interval, later unless the client comes back first. Published like any message of
 * its client, so only where the client may publish. Immutable; runs on the broker loop.
 *
 * @param properties the MQTT 5 will properties; the message expiry counts from publication [MQTT-3.1.3.2.4]
 */
record LastWill(Message message, MqttProperties properties, long delaySeconds, ClientIdentity owner) {

    private static final Logger log = LoggerFactory.getLogger(LastWill.class);

    /** The will a CONNECT carries, or null. */
    static LastWill of(MqttConnectMessage connect, ConnectRequest request, ClientIdentity owner) {
        if (!connect.variableHeader().isWillFlag()) {
            return null;
        }
        Message message = Message.of(connect.payload().willTopic(), connect.payload().willMessageInBytes(),
                connect.variableHeader().willQos(), connect.variableHeader().isWillRetain());
        return new LastWill(message, connect.payload().willProperties(), request.willDelaySeconds(), owner);
    }

    /**
     * The connection ended: publishes now, or arms the delay on the session. A session that ends before the delay
     * is over publishes it then [MQTT-3.1.3-9]; one taken over by a new connection does not publish it at all.
     */
    void connectionEnded(BrokerContext broker, Session session, ClientLink link, EventExecutor loop) {
        if (delaySeconds > 0 && session.link() != null && session.link() != link) {
            return; // taken over: the session goes on with its new connection
        }
        if (delaySeconds == 0 || session.isClean() || session.expirySeconds() == 0) {
            publish(broker); // a session that ends now would publish a delayed will at once anyway
            return;
        }
        session.delayWill(new Session.DelayedWill(() -> publish(broker), loop.schedule(() -> {
            session.willPublished();
            publish(broker);
        }, delaySeconds, TimeUnit.SECONDS)));
    }

    private void publish(BrokerContext broker) {
        if (!broker.permissions().mayPublish(owner, message.topic())) {
            broker.stats().publishesDenied.increment();
            log.atWarn().addKeyValue("clientId", owner.clientId()).addKeyValue("topic", message.topic())
                    .log("will not published: not permitted for this user");
            return;
        }
        broker.stats().willsPublished.increment();
        MessageProperties forwarded = MessageProperties.from(properties, System.currentTimeMillis());
        broker.router().publish(Message.of(message.topic(), message.payload(), message.qos(), message.retain(),
                forwarded));
    }
}
