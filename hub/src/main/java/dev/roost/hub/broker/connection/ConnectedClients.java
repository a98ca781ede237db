package dev.roost.hub.broker.connection;

import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network clients whose CONNECT was accepted, by client id, so a page of them can be listed without walking
 * every connection. Thread-safe: the index is a concurrent sorted map; each client's details are read on the event
 * loop its connection lives on, one task per loop for the whole page, and nobody waits on a loop.
 */
public final class ConnectedClients {

    private final ConcurrentSkipListMap<String, MqttConnection> byId = new ConcurrentSkipListMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** One page of clients, ordered by client id, and how many are connected in all. */
    public record Page(int total, List<ClientSnapshot> clients) {
    }

    /** Registers an accepted connection; one that takes over a client id replaces the connection it closes. */
    void add(String clientId, MqttConnection connection) {
        if (byId.put(clientId, connection) == null) {
            count.incrementAndGet();
        }
    }

    /** Forgets a connection that ended, unless another one has taken its client id over meanwhile. */
    void remove(String clientId, MqttConnection connection) {
        if (byId.remove(clientId, connection)) {
            count.decrementAndGet();
        }
    }

    public int count() {
        return count.get();
    }

    /**
     * The clients from {@code offset} (in client id order), at most {@code limit}, each with at most
     * {@code maxSubscriptions} of its subscriptions. A client that disconnects meanwhile is left out.
     */
    public CompletableFuture<Page> page(int offset, int limit, int maxSubscriptions) {
        int total = count();
        Map<EventExecutor, List<MqttConnection>> byLoop = new IdentityHashMap<>();
        Iterator<MqttConnection> connections = byId.values().iterator();
        for (int skipped = 0; skipped < offset && connections.hasNext(); skipped++) {
            connections.next();
        }
        for (int taken = 0; taken < limit && connections.hasNext(); taken++) {
            MqttConnection connection = connections.next();
            byLoop.computeIfAbsent(connection.executor(), loop -> new ArrayList<>()).add(connection);
        }
        List<CompletableFuture<List<ClientSnapshot>>> parts = new ArrayList<>();
        byLoop.forEach((loop, onLoop) -> parts.add(snapshotsOn(loop, onLoop, maxSubscriptions)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ClientSnapshot> clients = new ArrayList<>();
            parts.forEach(part -> clients.addAll(part.join()));
            clients.sort(Comparator.comparing(ClientSnapshot::clientId));
            return new Page(total, clients);
        });
    }

    private static CompletableFuture<List<ClientSnapshot>> snapshotsOn(EventExecutor loop,
                                                                      List<MqttConnection> connections,
                                                                      int maxSubscriptions) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                List<ClientSnapshot> snapshots = new ArrayList<>(connections.size());
                for (MqttConnection connection : connections) {
                    ClientSnapshot snapshot = connection.snapshot(maxSubscriptions);
                    if (snapshot != null) {
                        snapshots.add(snapshot);
                    }
                }
                return snapshots;
            }, loop);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.failedFuture(stopping);
        }
    }
}
