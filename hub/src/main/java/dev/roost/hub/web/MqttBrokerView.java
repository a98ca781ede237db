package dev.roost.hub.web;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.connection.ClientSnapshot;
import dev.roost.hub.broker.connection.ConnectedClients;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.hub.broker.stats.StatsWindow;
import dev.roost.hub.broker.subscription.Topics;
import dev.roost.web.broker.BrokerView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The web UI's {@link BrokerView} on the running broker: clients are read on their connections' own loops,
 * figures from the broker's counters and its one-minute window, retained topics on the broker loop, and a topic
 * is cleared by publishing the empty retained message through an in-process client, so subscribers hear of it.
 *
 * <p>Thread-safe; a request waits for the broker at most {@link #WAIT} and never blocks a broker thread.
 */
public final class MqttBrokerView implements BrokerView {

    private static final Duration WAIT = Duration.ofSeconds(2);
    /** QoS 1, so persistent sessions that are offline hear of the cleared topic too. */
    private static final int CLEAR_QOS = 1;

    private final MqttBroker broker;
    private final BrokerConfig config;
    private final LocalClient client;

    /** @param client publishes the empty retained messages that clear topics; the caller closes it */
    public MqttBrokerView(MqttBroker broker, BrokerConfig config, LocalClient client) {
        this.broker = broker;
        this.config = config;
        this.client = client;
    }

    @Override
    public Clients clients(int offset, int limit) {
        ConnectedClients.Page page = await(broker.connectedClients().page(offset, limit, MAX_SUBSCRIPTIONS_SHOWN));
        return new Clients(page.total(), offset, page.clients().stream().map(MqttBrokerView::client).toList());
    }

    private static Client client(ClientSnapshot c) {
        return new Client(c.clientId(), c.address(), c.protocol(), c.username(), c.cleanSession(), c.connectedSince(),
                c.subscriptions().stream().map(s -> new Subscription(s.filter(), s.qos())).toList(),
                c.subscriptionCount(), c.messagesIn(), c.messagesOut());
    }

    @Override
    public Stats stats() {
        BrokerStats counters = broker.stats();
        List<StatsWindow.Sample> window = broker.window().samples();
        StatsWindow.Sample last = window.isEmpty() ? null : window.get(window.size() - 1);
        double seconds = window.size() < 2 ? 0 : (last.nanos() - window.get(0).nanos()) / 1e9;
        Flow messages = flow(window, counters.messagesReceived.sum(), counters.messagesSent.sum(),
                StatsWindow.Sample::messagesIn, StatsWindow.Sample::messagesOut);
        Flow bytes = flow(window, counters.bytesReceived.sum(), counters.bytesSent.sum(),
                StatsWindow.Sample::bytesIn, StatsWindow.Sample::bytesOut);
        Losses losses = new Losses(counters.queueOverflowDrops.sum(), counters.qos0Drops.sum(),
                counters.localCallbackDrops.sum(), counters.publishesRefused.sum(), counters.publishesDenied.sum(),
                counters.subscriptionsDenied.sum(), last == null ? 0 : last.retainedRefused(),
                counters.protocolViolations.sum());
        return new Stats(counters.connectedClients.get(), counters.connectionsTotal.sum(),
                Math.round(seconds * 10) / 10.0, messages, bytes, last == null ? 0 : last.subscriptions(),
                last == null ? 0 : last.retained(), losses);
    }

    private static Flow flow(List<StatsWindow.Sample> window, long received, long sent,
                             ToLongFunction<StatsWindow.Sample> in, ToLongFunction<StatsWindow.Sample> out) {
        return new Flow(received, sent, rounded(StatsWindow.perSecond(window, in)),
                rounded(StatsWindow.perSecond(window, out)), StatsWindow.eachSecond(window, in),
                StatsWindow.eachSecond(window, out));
    }

    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @Override
    public RetainedTopics retained(String prefix, int limit) {
        // References to immutable messages only, at most as many as the retained store holds.
        List<Message> found = await(broker.read(context -> {
            List<Message> matching = new ArrayList<>();
            context.router().retained().forEachWithPrefix(prefix, matching::add);
            return matching;
        }));
        found.sort(Comparator.comparing(Message::topic));
        List<RetainedTopic> shown = found.stream().limit(limit).map(message -> {
            PayloadPreview.Preview preview = PayloadPreview.of(message.payload(), PREVIEW_CHARS);
            return new RetainedTopic(message.topic(), preview.text(), preview.binary(), message.payload().length,
                    message.qos());
        }).toList();
        return new RetainedTopics(found.size(), shown);
    }

    @Override
    public String clearProblem(String topic) {
        if (topic.startsWith("$")) {
            return "topics starting with $ belong to the broker, which keeps them up to date itself";
        }
        return Topics.checkName(topic, config.maxTopicBytes(), config.maxTopicLevels());
    }

    @Override
    public boolean clearRetained(String topic) {
        boolean retained = await(broker.read(context -> {
            boolean[] found = {false};
            context.router().retained().forEachMatching(topic, message -> found[0] = true);
            return found[0];
        }));
        if (retained) {
            await(client.publish(topic, new byte[0], CLEAR_QOS, true));
        }
        return retained;
    }

    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("the broker did not answer within " + WAIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new Unavailable("the broker could not answer: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the broker", e);
        }
    }
}
