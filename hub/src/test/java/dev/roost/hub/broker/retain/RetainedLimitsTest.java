package dev.roost.hub.broker.retain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.broker.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedLimitsTest {

    private static Message retained(String topic, String payload) {
        return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), 0, true);
    }

    private static List<String> payloads(RetainedStore store, String filter) {
        List<String> found = new ArrayList<>();
        store.forEachMatching(filter, m -> found.add(new String(m.payload(), StandardCharsets.UTF_8)));
        return found;
    }

    @Test
    void beyondTheCountANewTopicIsNotKeptButExistingOnesStillUpdate() {
        InMemoryRetainedStore store = new InMemoryRetainedStore(2, Long.MAX_VALUE);

        assertThat(store.put(retained("a", "1"))).isTrue();
        assertThat(store.put(retained("b", "1"))).isTrue();
        assertThat(store.put(retained("c", "1"))).isFalse();
        assertThat(store.put(retained("a", "2"))).isTrue();

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.refused()).isEqualTo(1);
        assertThat(payloads(store, "a")).containsExactly("2");
        assertThat(payloads(store, "c")).isEmpty();
    }

    @Test
    void theByteLimitCountsWhatMessagesHoldInTheHeapAndDeletingFreesIt() {
        Message first = retained("ab", "123");
        Message second = retained("cd", "1234");
        InMemoryRetainedStore store = new InMemoryRetainedStore(100, first.weight() + second.weight() - 1);

        assertThat(store.put(first)).isTrue();
        assertThat(store.put(second)).isFalse();                    // one byte too many
        assertThat(store.put(retained("ab", ""))).isTrue();         // deletes
        assertThat(store.put(retained("cd", "12345678"))).isTrue(); // fits on its own

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.refused()).isEqualTo(1);
    }

    @Test
    void anUpdateThatDoesNotFitRemovesTheOutdatedValueRatherThanKeepIt() {
        Message locked = retained("home/lock", "LOCKED");
        InMemoryRetainedStore store = new InMemoryRetainedStore(100, locked.weight() + 10);
        store.put(locked);

        assertThat(store.put(retained("home/lock", "UNLOCKED and a very long payload"))).isFalse();

        assertThat(payloads(store, "home/lock")).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.put(retained("home/lock", "LOCKED"))).isTrue();
    }
}
