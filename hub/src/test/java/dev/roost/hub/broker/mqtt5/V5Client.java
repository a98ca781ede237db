package dev.roost.hub.broker.mqtt5;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real MQTT 5 client (Paho's) for tests: every call waits for the broker's answer; messages are queued. */
final class V5Client implements AutoCloseable {

    /** A message as the client received it. */
    record Received(String topic, MqttMessage message) {
        String text() {
            return new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final long WAIT_MILLIS = 5_000;

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile MqttDisconnectResponse disconnected;
    IMqttToken connectToken;

    V5Client(int port, String clientId) throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnected = response;
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, message));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
    }

    static MqttConnectionOptions options(boolean cleanStart, long sessionExpiry) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpiry);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        return options;
    }

    static V5Client connect(int port, String clientId) throws MqttException {
        return connect(port, clientId, options(true, 0));
    }

    static V5Client connect(int port, String clientId, MqttConnectionOptions options) throws MqttException {
        V5Client client = new V5Client(port, clientId);
        client.connectToken = client.client.connect(options);
        client.connectToken.waitForCompletion(WAIT_MILLIS);
        return client;
    }

    MqttAsyncClient paho() {
        return client;
    }

    /** Subscribes and returns the SUBACK reason codes. */
    int[] subscribe(MqttProperties properties, MqttSubscription... subscriptions) throws MqttException {
        IMqttToken token = client.subscribe(subscriptions, null, null,
                properties == null ? new MqttProperties() : properties);
        token.waitForCompletion(WAIT_MILLIS);
        return token.getReasonCodes();
    }

    int[] subscribe(MqttSubscription... subscriptions) throws MqttException {
        return subscribe(null, subscriptions);
    }

    static MqttSubscription subscription(String filter, int qos) {
        return new MqttSubscription(filter, qos);
    }

    /** Publishes and returns the reason code of the PUBACK/PUBREC (0 for QoS 0). */
    int publish(String topic, MqttMessage message) throws MqttException {
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(WAIT_MILLIS);
        } catch (MqttException refused) {
            return refused.getReasonCode(); // Paho reports a PUBREC of 0x80 and above as a failure
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    int publish(String topic, String payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        message.setQos(qos);
        return publish(topic, message);
    }

    int[] unsubscribe(String... filters) throws MqttException {
        IMqttToken token = client.unsubscribe(filters, null, null, new MqttProperties());
        token.waitForCompletion(WAIT_MILLIS);
        return token.getReasonCodes();
    }

    Received take() throws InterruptedException {
        Received next = received.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(next).as("a message within %d ms", WAIT_MILLIS).isNotNull();
        return next;
    }

    void expectNothing(Duration quiet) throws InterruptedException {
        Received next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("no message").isNull();
    }

    /** How the broker ended the connection, once it has (null while connected). */
    MqttDisconnectResponse disconnectedBy() {
        return disconnected;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** A normal DISCONNECT with the given reason code and properties. */
    void disconnect(int reasonCode, MqttProperties properties) throws MqttException {
        client.disconnect(1_000, null, null, reasonCode, properties).waitForCompletion(WAIT_MILLIS);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(100, 100, false);
        }
        client.close(true);
    }
}
