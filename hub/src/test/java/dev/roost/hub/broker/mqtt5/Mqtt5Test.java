package dev.roost.hub.broker.mqtt5;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.RawMqtt;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MQTT 5 with a real MQTT 5 client (Paho's): properties, subscription options, reason codes and expiry. */
@Timeout(60)
class Mqtt5Test {

    private final BrokerFixture fixture = new BrokerFixture();
    private final List<V5Client> clients = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (V5Client client : clients) {
            client.close();
        }
        fixture.close();
    }

    private V5Client connect(String clientId) throws Exception {
        return keep(V5Client.connect(fixture.port(), clientId));
    }

    private V5Client connect(String clientId, MqttConnectionOptions options) throws Exception {
        return keep(V5Client.connect(fixture.port(), clientId, options));
    }

    private V5Client keep(V5Client client) {
        clients.add(client);
        return client;
    }

    private static MqttMessage message(String payload, int qos, boolean retained) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        message.setRetained(retained);
        return message;
    }

    @Test
    void propertiesOfAPublishReachTheSubscriberWithUserPropertiesInTheirOrder() throws Exception {
        V5Client thermostat = connect("thermostat");
        thermostat.subscribe(V5Client.subscription("home/heating/#", 1));
        V5Client phone = connect("phone");
        MqttMessage request = message("{\"target\":21}", 1, false);
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        properties.setResponseTopic("phone/replies");
        properties.setCorrelationData(new byte[] {1, 2, 3});
        properties.setPayloadFormat(true);
        properties.setMessageExpiryInterval(120L);
        properties.setUserProperties(List.of(new UserProperty("room", "kitchen"), new UserProperty("by", "phone"),
                new UserProperty("room", "hall")));
        request.setProperties(properties);

        assertThat(phone.publish("home/heating/set", request)).isZero();

        V5Client.Received got = thermostat.take();
        MqttProperties forwarded = got.message().getProperties();
        assertThat(got.text()).isEqualTo("{\"target\":21}");
        assertThat(forwarded.getContentType()).isEqualTo("application/json");
        assertThat(forwarded.getResponseTopic()).isEqualTo("phone/replies");
        assertThat(forwarded.getCorrelationData()).containsExactly(1, 2, 3);
        assertThat(forwarded.getPayloadFormat()).isTrue();
        assertThat(forwarded.getMessageExpiryInterval()).isBetween(118L, 120L); // what is left [MQTT-3.3.2-6]
        assertThat(forwarded.getUserProperties()).extracting(UserProperty::getKey, UserProperty::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("room", "kitchen"),
                        org.assertj.core.groups.Tuple.tuple("by", "phone"),
                        org.assertj.core.groups.Tuple.tuple("room", "hall"));
    }

    @Test
    void anMqtt311SubscriberGetsThePayloadWithoutProperties() throws Exception {
        var legacy = fixture.connect("legacy-switch");
        var received = new dev.roost.hub.broker.Received();
        legacy.subscribe("lights/#", 1, received);
        V5Client phone = connect("phone");
        MqttMessage on = message("ON", 1, false);
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(new UserProperty("source", "phone")));
        on.setProperties(properties);

        phone.publish("lights/porch", on);

        assertThat(received.take(1, Duration.ofSeconds(5))).singleElement()
                .satisfies(m -> assertThat(m.payload()).isEqualTo("ON"));
    }

    @Test
    void noLocalKeepsAClientsOwnMessagesFromIt() throws Exception {
        V5Client bridge = connect("bridge");
        MqttSubscription own = V5Client.subscription("zigbee/#", 1);
        own.setNoLocal(true);
        bridge.subscribe(own);
        V5Client other = connect("other");

        bridge.publish("zigbee/lamp", "from the bridge", 1);
        other.publish("zigbee/lamp", "from someone else", 1);

        assertThat(bridge.take().text()).isEqualTo("from someone else");
        bridge.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void retainAsPublishedKeepsTheRetainFlagOfForwardedMessages() throws Exception {
        V5Client keeper = connect("keeper");
        MqttSubscription asPublished = V5Client.subscription("state/a", 1);
        asPublished.setRetainAsPublished(true);
        keeper.subscribe(asPublished);
        V5Client plain = connect("plain");
        plain.subscribe(V5Client.subscription("state/a", 1));
        V5Client device = connect("device");

        device.publish("state/a", message("on", 1, true));

        assertThat(keeper.take().message().isRetained()).isTrue();
        assertThat(plain.take().message().isRetained()).isFalse(); // [MQTT-3.3.1-12]
    }

    @Test
    void retainHandlingSendsRetainedMessagesAlwaysOnlyForNewSubscriptionsOrNever() throws Exception {
        V5Client device = connect("device");
        device.publish("door/front", message("closed", 1, true));
        V5Client app = connect("app");

        MqttSubscription onlyNew = V5Client.subscription("door/+", 1);
        onlyNew.setRetainHandling(1);
        app.subscribe(onlyNew);
        assertThat(app.take().text()).isEqualTo("closed");
        app.subscribe(onlyNew);
        app.expectNothing(Duration.ofMillis(300)); // the subscription existed already

        MqttSubscription never = V5Client.subscription("door/#", 1);
        never.setRetainHandling(2);
        app.subscribe(never);
        app.expectNothing(Duration.ofMillis(300));

        app.subscribe(V5Client.subscription("door/front", 1)); // handling 0: always
        assertThat(app.take().message().isRetained()).isTrue();
    }

    @Test
    void subscriptionIdentifiersOfEveryMatchingSubscriptionComeWithTheMessage() throws Exception {
        V5Client dashboard = connect("dashboard");
        MqttProperties first = new MqttProperties();
        first.setSubscriptionIdentifier(7);
        dashboard.subscribe(first, V5Client.subscription("sensors/#", 1));
        MqttProperties second = new MqttProperties();
        second.setSubscriptionIdentifier(300);
        dashboard.subscribe(second, V5Client.subscription("sensors/+/temperature", 0));
        dashboard.subscribe(V5Client.subscription("sensors/kitchen/humidity", 0));
        V5Client sensor = connect("sensor");

        sensor.publish("sensors/kitchen/temperature", "21.5", 1);
        V5Client.Received got = dashboard.take();
        assertThat(got.message().getQos()).isEqualTo(1);
        assertThat(got.message().getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(7, 300);

        sensor.publish("sensors/kitchen/humidity", "40", 1);
        assertThat(dashboard.take().message().getProperties().getSubscriptionIdentifiers()).containsExactly(7);
    }

    @Test
    void acknowledgementsCarryReasonCodes() throws Exception {
        V5Client client = connect("coded");

        assertThat(client.publish("nobody/listens", "x", 1)).isEqualTo(0x10); // no matching subscribers
        assertThat(client.publish("$SYS/broker/uptime", "x", 1)).isEqualTo(0x87); // not authorized
        MqttMessage notText = new MqttMessage(new byte[] {(byte) 0xC3, 0x28});
        notText.setQos(1);
        MqttProperties utf8 = new MqttProperties();
        utf8.setPayloadFormat(true);
        notText.setProperties(utf8);
        assertThat(client.publish("says/text", notText)).isEqualTo(0x99); // payload format invalid

        String tooDeep = "a/".repeat(40) + "#"; // more levels than the broker takes
        assertThat(client.subscribe(V5Client.subscription("ok/#", 2), V5Client.subscription("$share/g/t", 1),
                V5Client.subscription(tooDeep, 0))).containsExactly(2, 0x9E, 0x8F);
        assertThat(client.unsubscribe("ok/#", "never/subscribed")).containsExactly(0x00, 0x11);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void anEmptyClientIdIsAssignedAndReturnedInConnack() throws Exception {
        V5Client anonymous = connect("", V5Client.options(false, 60));

        String assigned = anonymous.connectToken.getResponseProperties().getAssignedClientIdentifier();
        assertThat(assigned).startsWith("roost-");
        assertThat(anonymous.connectToken.getResponseProperties().getMaximumPacketSize())
                .isEqualTo((long) BrokerConfig.defaults().maxPacketSize());
    }

    @Test
    void aSessionEndsWhenItsExpiryIntervalPassesWithoutItsClient() throws Exception {
        V5Client shortLived = connect("short", V5Client.options(true, 1));
        shortLived.subscribe(V5Client.subscription("t", 1));
        V5Client longLived = connect("long", V5Client.options(true, 300));
        longLived.subscribe(V5Client.subscription("t", 1));
        shortLived.disconnect(0, new MqttProperties());
        longLived.disconnect(0, new MqttProperties());

        Thread.sleep(2_000);

        assertThat(connect("short", V5Client.options(false, 1)).connectToken.getSessionPresent()).isFalse();
        assertThat(connect("long", V5Client.options(false, 300)).connectToken.getSessionPresent()).isTrue();
    }

    @Test
    void aDisconnectCanShortenTheSessionToEndNow() throws Exception {
        V5Client client = connect("changes-mind", V5Client.options(true, 300));
        MqttProperties endNow = new MqttProperties();
        endNow.setSessionExpiryInterval(0L);
        client.disconnect(0, endNow);

        assertThat(connect("changes-mind", V5Client.options(false, 300)).connectToken.getSessionPresent()).isFalse();
    }

    @Test
    void anExpiredMessageIsNotDeliveredToAClientThatComesBackLate() throws Exception {
        V5Client logger = connect("logger", V5Client.options(true, 300));
        logger.subscribe(V5Client.subscription("events/#", 1));
        logger.disconnect(0, new MqttProperties());
        V5Client sensor = connect("sensor");
        MqttMessage shortLived = message("stale soon", 1, false);
        MqttProperties expiry = new MqttProperties();
        expiry.setMessageExpiryInterval(1L);
        shortLived.setProperties(expiry);
        sensor.publish("events/motion", shortLived);
        sensor.publish("events/door", message("kept", 1, false));

        Thread.sleep(1_500);
        V5Client back = connect("logger", V5Client.options(false, 300));

        assertThat(back.take().text()).isEqualTo("kept"); // [MQTT-3.3.2-5]
        back.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void aDelayedWillIsPublishedAfterItsDelayUnlessTheClientReturns() throws Exception {
        V5Client watcher = connect("watcher");
        watcher.subscribe(V5Client.subscription("status/#", 1));

        MqttConnectionOptions options = V5Client.options(true, 60);
        options.setWill("status/lamp", message("offline", 1, false));
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(1L);
        options.setWillMessageProperties(willProperties);
        V5Client lamp = connect("lamp", options);
        lamp.disconnect(0x04, new MqttProperties()); // "disconnect with will message"

        watcher.expectNothing(Duration.ofMillis(600));
        assertThat(watcher.take().text()).isEqualTo("offline");

        V5Client again = connect("lamp-2", options);
        again.disconnect(0x04, new MqttProperties());
        connect("lamp-2", V5Client.options(false, 60)); // back within the delay
        watcher.expectNothing(Duration.ofMillis(1_500));
    }

    @Test
    void aTopicAliasFromTheClientIsAProtocolErrorAsNoneWereOffered() throws Exception {
        try (RawMqtt raw = new RawMqtt(fixture.port())) {
            raw.send(RawPackets.connect5("raw-aliaser"));
            assertThat(raw.read().type()).isEqualTo(RawMqtt.CONNACK);
            raw.send(RawPackets.publish5WithAlias("a/b", 3));
            RawMqtt.Packet disconnect = raw.read();
            assertThat(disconnect.header()).isEqualTo(0xE0);
            assertThat(disconnect.body()).containsExactly(0x94); // topic alias invalid
        }
    }

    @Test
    void neverMoreInFlightToAClientThanItsReceiveMaximum() throws Exception {
        try (RawMqtt raw = new RawMqtt(fixture.port())) {
            raw.send(RawPackets.connect5("small-device", 2));
            assertThat(raw.read().type()).isEqualTo(RawMqtt.CONNACK);
            raw.send(RawPackets.subscribe5(1, "cmd/#", 1));
            assertThat(raw.read().type()).isEqualTo(RawMqtt.SUBACK);
            V5Client sender = connect("sender");
            for (int i = 1; i <= 4; i++) {
                sender.publish("cmd/" + i, "go", 1);
            }

            RawMqtt.Packet first = raw.read();
            RawMqtt.Packet second = raw.read();
            assertThat(List.of(first.type(), second.type())).containsOnly(RawMqtt.PUBLISH);
            raw.expectSilence(Duration.ofMillis(400)); // [MQTT-3.3.4-9]
            raw.send(RawPackets.pubAck(first.publishPacketId()));
            assertThat(raw.read().type()).isEqualTo(RawMqtt.PUBLISH);
        }
    }

    @Test
    void afterAReconnectTheUnacknowledgedAreResentWithinTheNewReceiveMaximum() throws Exception {
        try (RawMqtt first = new RawMqtt(fixture.port())) {
            first.send(RawPackets.connect5("slow-device", 100, true, 300));
            assertThat(first.read().type()).isEqualTo(RawMqtt.CONNACK);
            first.send(RawPackets.subscribe5(1, "cmd/#", 1));
            assertThat(first.read().type()).isEqualTo(RawMqtt.SUBACK);
            V5Client sender = connect("sender");
            for (int i = 1; i <= 4; i++) {
                sender.publish("cmd/" + i, "go", 1);
            }
            for (int i = 1; i <= 4; i++) {
                assertThat(first.read().type()).isEqualTo(RawMqtt.PUBLISH); // and never acknowledged
            }
        }
        try (RawMqtt again = new RawMqtt(fixture.port())) {
            again.send(RawPackets.connect5("slow-device", 2, false, 300));
            assertThat(again.read().type()).isEqualTo(RawMqtt.CONNACK);

            RawMqtt.Packet first = again.read();
            RawMqtt.Packet second = again.read();
            assertThat(List.of(first.publishTopic(), second.publishTopic())).containsExactly("cmd/1", "cmd/2");
            assertThat(first.header() & 0x08).as("DUP").isNotZero();
            again.expectSilence(Duration.ofMillis(400));
            again.send(RawPackets.pubAck(first.publishPacketId()));
            assertThat(again.read().publishTopic()).isEqualTo("cmd/3");
            again.expectSilence(Duration.ofMillis(200));
        }
    }

    @Test
    void clientsAreToldWhyTheBrokerClosesTheirConnection() throws Exception {
        V5Client first = connect("twin");
        connect("twin"); // takes the session over
        awaitDisconnect(first);
        assertThat(first.disconnectedBy().getReturnCode()).isEqualTo(0x8E); // session taken over

        BrokerFixture stopping = new BrokerFixture();
        try (V5Client client = V5Client.connect(stopping.port(), "stays-to-the-end")) {
            stopping.close();
            awaitDisconnect(client);
            assertThat(client.disconnectedBy().getReturnCode()).isEqualTo(0x8B); // server shutting down
        }
    }

    private static void awaitDisconnect(V5Client client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.disconnectedBy() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.disconnectedBy()).as("disconnected by the broker").isNotNull();
    }

    @Test
    void aMessageThatCannotBeKeptIsRefusedWithQuotaExceededAndTheClientStaysConnected() throws Exception {
        try (BrokerFixture small = new BrokerFixture(BrokerConfig.builder().maxQueuedBytes(4096).build());
             V5Client away = V5Client.connect(small.port(), "away", V5Client.options(true, 300));
             V5Client sender = V5Client.connect(small.port(), "sender")) {
            away.subscribe(V5Client.subscription("bulk/#", 1));
            away.disconnect(0, new MqttProperties());
            String kilobyte = "x".repeat(1024);
            int code = 0;
            int sent = 0;
            while (code == 0 && sent < 100) {
                code = sender.publish("bulk/data", kilobyte, 1);
                sent++;
            }

            assertThat(code).isEqualTo(0x97); // quota exceeded, instead of a lost acknowledged message
            assertThat(sent).isGreaterThan(1);
            assertThat(sender.isConnected()).isTrue();
            assertThat(sender.publish("other/topic", "small", 0)).isZero();
        }
    }

    @Test
    void aKeepaliveAboveTheMaximumIsReplacedByTheServersInsteadOfRefused() throws Exception {
        try (BrokerFixture strict = new BrokerFixture(BrokerConfig.builder().maxKeepAlive(120).build())) {
            MqttConnectionOptions options = V5Client.options(true, 0);
            options.setKeepAliveInterval(600);
            try (V5Client client = V5Client.connect(strict.port(), "sleepy", options)) {
                assertThat(client.connectToken.getResponseProperties().getServerKeepAlive()).isEqualTo(120);
            }
        }
    }
}
