package dev.roost.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.web.live.LiveMessage;
import dev.roost.web.live.LiveSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live feed on a real broker: what is under the base topic reaches every listener until it leaves. */
class BrokerLiveFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private final BrokerFixture fixture = new BrokerFixture();
    private final LocalClient client = fixture.broker().localClient("roost-web");
    private final BrokerLiveFeed feed = BrokerLiveFeed.start(client, "home", Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void messagesUnderTheBaseTopicReachEveryListenerWithTheirTimeAndOthersDoNot() throws Exception {
        LinkedBlockingQueue<LiveMessage> phone = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<LiveMessage> desktop = new LinkedBlockingQueue<>();
        try (LiveSubscription first = feed.subscribe(phone::add);
             LiveSubscription second = feed.subscribe(desktop::add)) {
            MqttClient sensor = fixture.connect("sensor");
            sensor.publish("garden/temperature", bytes("9"), 1, false);
            sensor.publish("home/temperature", bytes("{\"temperature\":21.5}"), 1, false);

            LiveMessage expected = new LiveMessage("home/temperature", "{\"temperature\":21.5}", NOW);
            assertThat(phone.poll(5, TimeUnit.SECONDS)).isEqualTo(expected);
            assertThat(desktop.poll(5, TimeUnit.SECONDS)).isEqualTo(expected);
            assertThat(phone).isEmpty();
            sensor.disconnect();
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndOneFailingListenerDoesNotStopTheOthers() throws Exception {
        LinkedBlockingQueue<LiveMessage> kept = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<LiveMessage> left = new LinkedBlockingQueue<>();
        LiveSubscription broken = feed.subscribe(message -> {
            throw new IllegalStateException("browser stream broke");
        });
        LiveSubscription leaving = feed.subscribe(left::add);
        LiveSubscription staying = feed.subscribe(kept::add);
        MqttClient sensor = fixture.connect("sensor");

        leaving.close();
        sensor.publish("home/motion", bytes("{\"state\":\"ON\"}"), 1, false);

        assertThat(kept.poll(5, TimeUnit.SECONDS)).extracting(LiveMessage::topic).isEqualTo("home/motion");
        assertThat(left.poll(300, TimeUnit.MILLISECONDS)).isNull();
        broken.close();
        staying.close();
        assertThat(feed.listeners()).isZero();
        sensor.disconnect();
    }

    @Test
    void theLastMessageOfEachTopicIsKeptOldestFirstButNotHugePayloads() throws Exception {
        LinkedBlockingQueue<LiveMessage> seen = new LinkedBlockingQueue<>();
        try (LiveSubscription watcher = feed.subscribe(seen::add)) {
            MqttClient sensor = fixture.connect("sensor");
            sensor.publish("home/temperature", bytes("{\"temperature\":20}"), 1, false);
            sensor.publish("home/motion", bytes("{\"state\":\"ON\"}"), 1, false);
            sensor.publish("home/temperature", bytes("{\"temperature\":21}"), 1, false);
            sensor.publish("home/camera", new byte[BrokerLiveFeed.MAX_KEPT_PAYLOAD + 1], 1, false);
            for (int i = 0; i < 4; i++) {
                assertThat(seen.poll(5, TimeUnit.SECONDS)).isNotNull();
            }
            sensor.disconnect();
        }

        assertThat(feed.latest()).extracting(LiveMessage::topic, LiveMessage::payload).containsExactly(
                Tuple.tuple("home/motion", "{\"state\":\"ON\"}"),
                Tuple.tuple("home/temperature", "{\"temperature\":21}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
