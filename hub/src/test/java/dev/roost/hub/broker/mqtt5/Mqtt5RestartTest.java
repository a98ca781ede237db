package dev.roost.hub.broker.mqtt5;

import dev.roost.hub.RunningHub;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What MQTT 5 adds to a session survives a restart of the hub: subscription options, identifiers, properties. */
@Timeout(60)
class Mqtt5RestartTest {

    @TempDir
    Path data;

    private RunningHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private int port() {
        return hub.hub().ports().mqtt();
    }

    @Test
    void aSessionsSubscriptionOptionsAndQueuedMessagesWithTheirPropertiesSurviveARestart() throws Exception {
        hub = RunningHub.start(data, "secret-password-1");
        try (V5Client bridge = V5Client.connect(port(), "bridge", V5Client.options(true, 3600))) {
            MqttSubscription own = V5Client.subscription("zigbee/#", 1);
            own.setNoLocal(true);
            MqttProperties id = new MqttProperties();
            id.setSubscriptionIdentifier(42);
            bridge.subscribe(id, own);
            bridge.disconnect(0, new MqttProperties());
        }
        try (V5Client phone = V5Client.connect(port(), "phone")) {
            MqttMessage command = new MqttMessage("ON".getBytes(StandardCharsets.UTF_8));
            command.setQos(1);
            MqttProperties properties = new MqttProperties();
            properties.setUserProperties(List.of(new UserProperty("origin", "phone")));
            properties.setContentType("text/plain");
            command.setProperties(properties);
            command.setRetained(true);
            phone.publish("zigbee/lamp/set", command);
        }

        hub = hub.restart();

        try (V5Client bridge = V5Client.connect(port(), "bridge", V5Client.options(false, 3600))) {
            assertThat(bridge.connectToken.getSessionPresent()).isTrue();
            V5Client.Received queued = bridge.take();
            assertThat(queued.text()).isEqualTo("ON");
            MqttProperties properties = queued.message().getProperties();
            assertThat(properties.getSubscriptionIdentifiers()).containsExactly(42);
            assertThat(properties.getContentType()).isEqualTo("text/plain");
            assertThat(properties.getUserProperties()).extracting(UserProperty::getValue).containsExactly("phone");

            bridge.publish("zigbee/lamp/state", "ON", 1); // No Local still holds
            bridge.expectNothing(Duration.ofMillis(400));
        }
        try (V5Client later = V5Client.connect(port(), "later")) {
            later.subscribe(V5Client.subscription("zigbee/lamp/set", 1));
            assertThat(later.take().message().getProperties().getContentType())
                    .as("a retained message keeps its properties").isEqualTo("text/plain");
        }
    }
}
