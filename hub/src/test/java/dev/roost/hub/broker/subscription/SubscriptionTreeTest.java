package dev.roost.hub.broker.subscription;

import dev.roost.hub.broker.message.Delivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTreeTest {

    private static Subscriber subscriber() {
        // An instance each time: a lambda without captures would be one shared object.
        return new Subscriber() {
            @Override
            public boolean deliver(Delivery delivery, int qos, boolean retainFlag, int[] subscriptionIds) {
                return false;
            }
        };
    }

    @Test
    void matchesExactPlusAndHashFilters() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber exact = subscriber();
        Subscriber plus = subscriber();
        Subscriber hash = subscriber();
        Subscriber other = subscriber();
        tree.subscribe("a/b/c", exact, 0);
        tree.subscribe("a/+/c", plus, 1);
        tree.subscribe("a/#", hash, 2);
        tree.subscribe("x/#", other, 2);

        assertThat(tree.match("a/b/c").asMap()).containsOnlyKeys(exact, plus, hash);
        assertThat(tree.match("a").asMap()).containsOnlyKeys(hash); // "#" includes the parent level
        assertThat(tree.match("a/b").asMap()).containsOnlyKeys(hash);
    }

    @Test
    void oneSubscriberWithOverlappingFiltersGetsTheHighestQos() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber s = subscriber();
        tree.subscribe("#", s, 0);
        tree.subscribe("a/+", s, 2);
        tree.subscribe("a/b", s, 1);
        assertThat(tree.match("a/b").asMap()).containsEntry(s, Route.plain(2)).hasSize(1);
    }

    @Test
    void dollarTopicsAreNotMatchedByLeadingWildcards() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber all = subscriber();
        Subscriber plus = subscriber();
        Subscriber sys = subscriber();
        tree.subscribe("#", all, 0);
        tree.subscribe("+/broker/uptime", plus, 0);
        tree.subscribe("$SYS/#", sys, 0);
        assertThat(tree.match("$SYS/broker/uptime").asMap()).containsOnlyKeys(sys);
    }

    @Test
    void emptyLevelsAreLevels() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber s = subscriber();
        tree.subscribe("a//c", s, 0);
        tree.subscribe("+/+", s, 0);
        assertThat(tree.match("a//c").asMap()).containsOnlyKeys(s);
        assertThat(tree.match("/x").asMap()).containsOnlyKeys(s);
    }

    @Test
    void resubscribingReplacesAndUnsubscribePrunes() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber s = subscriber();
        assertThat(tree.subscribe("a/b", s, 0)).isFalse();
        assertThat(tree.subscribe("a/b", s, 2)).isTrue();
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.match("a/b").asMap()).containsEntry(s, Route.plain(2));
        assertThat(tree.unsubscribe("a/b", s)).isTrue();
        assertThat(tree.unsubscribe("a/b", s)).isFalse();
        assertThat(tree.size()).isZero();
        assertThat(tree.match("a/b").asMap()).isEmpty();
    }

    @Test
    void noLocalLeavesOutOnlyThePublishersOwnSubscription() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber bridge = subscriber();
        Subscriber other = subscriber();
        tree.subscribe("zigbee/#", bridge, new SubscriptionOptions(1, true, false, 0, 0));
        tree.subscribe("zigbee/#", other, new SubscriptionOptions(1, true, false, 0, 0));

        assertThat(tree.match("zigbee/lamp", bridge).asMap()).containsOnlyKeys(other);
        assertThat(tree.match("zigbee/lamp").asMap()).containsOnlyKeys(bridge, other);
    }

    @Test
    void overlappingSubscriptionsMergeTheirIdentifiersAndRetainAsPublished() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber s = subscriber();
        tree.subscribe("a/#", s, new SubscriptionOptions(0, false, false, 0, 7));
        tree.subscribe("a/+", s, new SubscriptionOptions(2, false, true, 0, 0));
        tree.subscribe("a/b", s, new SubscriptionOptions(1, false, false, 0, 9));

        Route route = tree.match("a/b").asMap().get(s);
        assertThat(route.qos()).isEqualTo(2);
        assertThat(route.retainAsPublished()).isTrue();
        assertThat(route.subscriptionIds()).containsExactlyInAnyOrder(7, 9);
    }

    @Test
    void aTopicMatchedBeforeSeesSubscriptionsAddedChangedAndRemovedSince() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber lamp = subscriber();
        Subscriber logger = subscriber();
        tree.subscribe("home/+/state", lamp, 0);
        assertThat(tree.match("home/hall/state").asMap()).containsOnlyKeys(lamp);

        tree.subscribe("home/#", logger, 1);
        assertThat(tree.match("home/hall/state").asMap()).containsOnlyKeys(lamp, logger);
        tree.subscribe("home/+/state", lamp, 2);
        assertThat(tree.match("home/hall/state").asMap()).containsEntry(lamp, Route.plain(2));
        tree.unsubscribe("home/+/state", lamp);
        assertThat(tree.match("home/hall/state").asMap()).containsOnlyKeys(logger);
    }

    @Test
    void noLocalIsAppliedForEachPublisherAfterTheTopicWasMatched() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber bridge = subscriber();
        Subscriber other = subscriber();
        tree.subscribe("zigbee/#", bridge, new SubscriptionOptions(1, true, false, 0, 0));
        tree.subscribe("zigbee/#", other, 1);

        assertThat(tree.match("zigbee/lamp", other).asMap()).containsOnlyKeys(bridge, other);
        assertThat(tree.match("zigbee/lamp", bridge).asMap()).containsOnlyKeys(other);
        assertThat(tree.match("zigbee/lamp", other).asMap()).containsOnlyKeys(bridge, other);
    }

    @Test
    void manyDistinctTopicsStillMatch() {
        SubscriptionTree tree = new SubscriptionTree();
        Subscriber s = subscriber();
        tree.subscribe("scan/+", s, 1);
        for (int i = 0; i < 5_000; i++) {
            assertThat(tree.match("scan/" + i).asMap()).containsOnlyKeys(s);
        }
        assertThat(tree.match("scan/1/deeper").asMap()).isEmpty();
    }
}
