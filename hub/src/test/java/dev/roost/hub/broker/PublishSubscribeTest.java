package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.roost.hub.broker.BrokerFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class PublishSubscribeTest {

    private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder()
            .sysInterval(Duration.ofMillis(200)).build());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void deliveredQosIsTheLowerOfPublishedAndGranted() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received q0 = new Received();
        Received q1 = new Received();
        Received q2 = new Received();
        sub.subscribe("qos/zero", 0, q0);
        sub.subscribe("qos/one", 1, q1);
        sub.subscribe("qos/two", 2, q2);
        MqttClient pub = fixture.connect("pub");
        pub.publish("qos/zero", bytes("a"), 2, false);
        pub.publish("qos/one", bytes("b"), 2, false);
        pub.publish("qos/two", bytes("c"), 1, false);

        assertThat(q0.next().qos()).isZero();
        assertThat(q1.next().qos()).isEqualTo(1);
        assertThat(q2.next().qos()).isEqualTo(1);
    }

    @Test
    void wildcardsMatchLevels() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received plus = new Received();
        Received hash = new Received();
        sub.subscribe("home/+/temperature", 1, plus);
        sub.subscribe("garden/#", 1, hash);
        MqttClient pub = fixture.connect("pub");
        pub.publish("home/kitchen/temperature", bytes("21"), 1, false);
        pub.publish("home/kitchen/humidity", bytes("40"), 1, false);
        pub.publish("garden", bytes("parent"), 1, false);
        pub.publish("garden/shed/door", bytes("open"), 1, false);

        assertThat(plus.next().topic()).isEqualTo("home/kitchen/temperature");
        plus.expectNothing(Duration.ofMillis(300));
        assertThat(hash.take(2, Duration.ofSeconds(5))).extracting(Received.Msg::topic)
                .containsExactly("garden", "garden/shed/door");
    }

    @Test
    void overlappingSubscriptionsDeliverOnceAtTheHighestGrantedQos() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.setCallback(new CallbackAdapter(received));
        sub.subscribe(new String[] {"lights/#", "lights/+", "lights/hall"}, new int[] {0, 2, 1});
        MqttClient pub = fixture.connect("pub");
        pub.publish("lights/hall", bytes("on"), 2, false);

        Received.Msg msg = received.next();
        assertThat(msg.qos()).isEqualTo(2);
        received.expectNothing(Duration.ofMillis(400));
    }

    @Test
    void orderPerTopicIsKept() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("order", 1, received);
        MqttClient pub = fixture.connect("pub");
        for (int i = 0; i < 200; i++) {
            pub.publish("order", bytes(Integer.toString(i)), i % 3 == 0 ? 0 : 1, false);
        }
        List<Received.Msg> all = received.take(200, Duration.ofSeconds(10));
        List<Integer> qos1 = all.stream().filter(m -> m.qos() == 1).map(m -> Integer.parseInt(m.payload())).toList();
        assertThat(qos1).isSorted().hasSize(133);
    }

    @Test
    void unsubscribeStopsDelivery() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("door", 1, received);
        MqttClient pub = fixture.connect("pub");
        pub.publish("door", bytes("open"), 1, false);
        received.next();
        sub.unsubscribe("door");
        pub.publish("door", bytes("closed"), 1, false);
        received.expectNothing(Duration.ofMillis(400));
    }

    @Test
    void systemTopicsAreNotMatchedByLeadingWildcards() throws Exception {
        // Two clients, since Paho's own dispatch would hand a '$SYS' message to a '#' listener too.
        Received everything = new Received();
        Received sys = new Received();
        fixture.connect("all").subscribe("#", 0, everything);
        fixture.connect("admin").subscribe("$SYS/broker/clients/connected", 0, sys);

        assertThat(sys.next().topic()).isEqualTo("$SYS/broker/clients/connected");
        everything.expectNothing(Duration.ofMillis(600));
    }

    @Test
    void clientsCannotPublishToSystemTopics() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("$SYS/fake", 1, received);
        MqttClient pub = fixture.connect("pub");
        pub.publish("$SYS/fake", bytes("spoof"), 1, false); // still acknowledged
        received.expectNothing(Duration.ofMillis(400));
        assertThat(pub.isConnected()).isTrue();
        assertThat(fixture.broker().stats().publishesDenied.sum()).isEqualTo(1);
    }
}
