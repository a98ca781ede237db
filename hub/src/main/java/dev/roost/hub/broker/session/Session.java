package dev.roost.hub.broker.session;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.message.PublishEncoder;
import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.persistence.JournalEntry;
import dev.roost.hub.broker.persistence.StoredState;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.hub.broker.subscription.Subscriber;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state the broker keeps for one client id: subscriptions, outgoing QoS 1/2 messages in flight and
 * queued, and incoming QoS 2 packet ids awaiting PUBREL. It outlives connections when the client asked for
 * a persistent session, when every change is also recorded in the broker's journal so the session survives a
 * restart. Confined to the broker's event loop.
 */
public final class Session implements Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Session.class);
    /**
     * QoS 0 bytes buffered for a busy client before they are dropped. Publishers pause at 64 KiB, but what
     * they had already sent still arrives (measured: 1 to 4 MiB with eight fast publishers); fan-out shares
     * these buffers between subscribers.
     */
    private static final long QOS0_BUFFER_LIMIT = 4L * 1024 * 1024;
    /** The QoS 0 buffer of a client that is stuck rather than busy: it holds nobody back and keeps little. */
    private static final long QOS0_STUCK_LIMIT = 256L * 1024;
    /** A client that has not caught up in this long is stuck, not busy: it stops holding publishers back. */
    private static final long STALL_NANOS = 2_000_000_000L;

    private final String clientId;
    private final boolean clean;
    private final int maxInflight;
    private final int maxQueued;
    private final QueueBudget budget;
    private final BrokerStats stats;
    private final BrokerJournal journal;

    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    /** Insertion order is send order, which is also the order of re-sending [MQTT-4.6.0-1]. */
    private final LinkedHashMap<Integer, InflightMessage> inflight = new LinkedHashMap<>();
    private final ArrayDeque<QueuedMessage> queue = new ArrayDeque<>();
    private final Set<Integer> awaitingPubRel = new HashSet<>();
    private int lastPacketId;
    private long lastMessageId;
    private long queueOverflows;
    private long received;
    private long sent;
    private long behindSince = -1;
    private List<Runnable> reliefWaiters;
    private ClientLink link;

    /**
     * @param journal where a persistent session records its changes; a clean session records nothing (nor builds
     *                the entries: this is the per-message path)
     */
    public Session(String clientId, boolean clean, int maxInflight, int maxQueued, QueueBudget budget,
                   BrokerStats stats, BrokerJournal journal) {
        this.clientId = clientId;
        this.clean = clean;
        this.journal = journal;
        this.maxInflight = maxInflight;
        this.maxQueued = maxQueued;
        this.budget = budget;
        this.stats = stats;
    }

    public String clientId() {
        return clientId;
    }

    public boolean isClean() {
        return clean;
    }

    public ClientLink link() {
        return link;
    }

    /** Binds the session to a new connection and re-sends what was left unacknowledged [MQTT-4.4.0-1]. */
    public void attach(ClientLink newLink) {
        this.link = newLink;
        for (Map.Entry<Integer, InflightMessage> entry : inflight.entrySet()) {
            InflightMessage m = entry.getValue();
            if (m.released) {
                newLink.writePubRel(entry.getKey());
            } else {
                newLink.write(PublishEncoder.encode(newLink.alloc(), m.message, m.qos, m.retainFlag, true,
                        entry.getKey()));
            }
        }
        drain();
    }

    public void detach() {
        this.link = null;
        relieveWaiters(); // nobody waits for a client that is gone: its messages queue or drop
    }

    // ---- subscriptions, as the client asked for them; the tree holds the routing copy ----

    public Map<String, Integer> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    public void addSubscription(String filter, int qos) {
        subscriptions.put(filter, qos);
        if (!clean) {
            journal.record(new JournalEntry.Subscribed(clientId, filter, qos));
        }
    }

    public boolean removeSubscription(String filter) {
        if (subscriptions.remove(filter) == null) {
            return false;
        }
        if (!clean) {
            journal.record(new JournalEntry.Unsubscribed(clientId, filter));
        }
        return true;
    }

    // ---- how many messages came and went, for the list of connected clients ----

    /** Counts one PUBLISH received from the client. */
    public void countReceived() {
        received++;
    }

    /** PUBLISH packets received from the client since this session began. */
    public long receivedCount() {
        return received;
    }

    /** Messages sent to the client since this session began, re-sends not counted. */
    public long sentCount() {
        return sent;
    }

    // ---- incoming QoS 2: the packet ids received but not yet released ----

    /** Records a QoS 2 packet id; false when it was already there, i.e. the PUBLISH is a re-delivery. */
    public boolean markQos2Received(int packetId) {
        if (!awaitingPubRel.add(packetId)) {
            return false;
        }
        if (!clean) {
            journal.record(new JournalEntry.IncomingQos2(clientId, packetId));
        }
        return true;
    }

    public void releaseQos2(int packetId) {
        if (awaitingPubRel.remove(packetId)) {
            if (!clean) {
                journal.record(new JournalEntry.IncomingReleased(clientId, packetId));
            }
        }
    }

    // ---- outgoing ----

    @Override
    public boolean deliver(Delivery delivery, int qos, boolean retainFlag) {
        if (qos == 0) {
            deliverQos0(delivery, retainFlag);
        } else if (link != null && link.writable() && queue.isEmpty() && inflight.size() < maxInflight) {
            long id = ++lastMessageId;
            int packetId = track(id, delivery.message(), qos, retainFlag);
            if (!clean) {
                journal.record(new JournalEntry.OutgoingQueued(clientId, id, delivery.message(), qos, retainFlag,
                        packetId));
            }
            link.write(delivery.packet(link.alloc(), qos, retainFlag, packetId));
        } else {
            long id = ++lastMessageId;
            enqueue(new QueuedMessage(id, delivery.message(), qos, retainFlag));
            if (!clean) {
                journal.record(new JournalEntry.OutgoingQueued(clientId, id, delivery.message(), qos, retainFlag, 0));
            }
        }
        return holdsPublishersBack();
    }

    /**
     * Whether a connected client is falling behind: its socket is above the high-water mark (64 KiB waiting)
     * or half its queue is used. Publishers then pause until it catches up, so a busy subscriber slows them
     * down instead of losing messages; a client stuck for longer than {@link #STALL_NANOS} no longer holds
     * anyone back.
     */
    private boolean holdsPublishersBack() {
        if (!isBehind()) {
            behindSince = -1;
            return false;
        }
        long now = System.nanoTime();
        if (behindSince < 0) {
            behindSince = now;
        }
        return now - behindSince < STALL_NANOS;
    }

    private boolean isStuck() {
        return behindSince >= 0 && System.nanoTime() - behindSince >= STALL_NANOS;
    }

    private boolean isBehind() {
        return link != null && (!link.writable() || queue.size() >= Math.max(1, maxQueued / 2));
    }

    @Override
    public void whenRelieved(Runnable callback) {
        if (!isBehind()) {
            callback.run();
            return;
        }
        if (reliefWaiters == null) {
            reliefWaiters = new ArrayList<>(2);
        }
        reliefWaiters.add(callback);
    }

    /** Once the client has caught up, it counts as keeping up again and the paused publishers resume. */
    private void relieveWaiters() {
        if (isBehind()) {
            return;
        }
        behindSince = -1;
        if (reliefWaiters == null) {
            return;
        }
        List<Runnable> waiting = reliefWaiters;
        reliefWaiters = null;
        waiting.forEach(Runnable::run);
    }

    private void deliverQos0(Delivery delivery, boolean retainFlag) {
        if (link == null) {
            return; // QoS 0 messages are not kept for offline clients
        }
        long limit = isStuck() ? QOS0_STUCK_LIMIT : QOS0_BUFFER_LIMIT;
        if (!link.writable() && link.bufferedBytes() > limit) {
            stats.qos0Drops.increment(); // at most once: a client this far behind loses QoS 0 messages
            return;
        }
        ByteBuf packet = retainFlag
                ? PublishEncoder.encode(link.alloc(), delivery.message(), 0, true, false, 0)
                : delivery.sharedQos0Packet();
        link.write(packet);
        stats.messagesSent.increment();
        sent++;
    }

    private void enqueue(QueuedMessage queued) {
        if (queue.size() >= maxQueued) {
            QueuedMessage oldest = queue.poll();
            budget.giveBack(oldest.message().weight());
            if (!clean) {
                journal.record(new JournalEntry.OutgoingDone(clientId, oldest.id()));
            }
            stats.queueOverflowDrops.increment();
            if (queueOverflows++ % 1000 == 0) {
                log.atWarn().addKeyValue("clientId", clientId).addKeyValue("dropped", queueOverflows)
                        .log("client queue full, oldest message dropped");
            }
        }
        queue.add(queued);
        budget.take(queued.message().weight());
    }

    private void send(QueuedMessage queued) {
        int packetId = track(queued.id(), queued.message(), queued.qos(), queued.retainFlag());
        if (!clean) {
            journal.record(new JournalEntry.OutgoingSent(clientId, queued.id(), packetId));
        }
        link.write(PublishEncoder.encode(link.alloc(), queued.message(), queued.qos(), queued.retainFlag(), false,
                packetId));
    }

    /** Puts an outgoing QoS 1/2 message in flight under a fresh packet id. */
    private int track(long id, Message message, int qos, boolean retainFlag) {
        int packetId = nextPacketId();
        inflight.put(packetId, new InflightMessage(id, message, qos, retainFlag));
        stats.messagesSent.increment();
        sent++;
        return packetId;
    }

    /** Moves queued messages into the in-flight window while the client can take them. */
    public void drain() {
        while (link != null && link.writable() && inflight.size() < maxInflight && !queue.isEmpty()) {
            QueuedMessage next = queue.poll();
            budget.giveBack(next.message().weight());
            send(next);
        }
        relieveWaiters();
    }

    /** PUBACK for a QoS 1 message. */
    public void acknowledged(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 1) {
            inflight.remove(packetId);
            if (!clean) {
                journal.record(new JournalEntry.OutgoingDone(clientId, m.id));
            }
            drain();
        }
    }

    /** PUBREC for a QoS 2 message: from now on only PUBREL is re-sent [MQTT-4.3.3-1]. */
    public void received(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 2 && !m.released) {
            m.released = true;
            if (!clean) {
                journal.record(new JournalEntry.OutgoingReleased(clientId, m.id));
            }
        }
        if (link != null) {
            link.writePubRel(packetId);
        }
    }

    /** PUBCOMP for a QoS 2 message. */
    public void completed(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 2 && m.released) {
            inflight.remove(packetId);
            if (!clean) {
                journal.record(new JournalEntry.OutgoingDone(clientId, m.id));
            }
            drain();
        }
    }

    /** Never reuses an id still in flight [MQTT-2.3.1-2]; the window is far below 65,535. */
    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId == 65535 ? 1 : lastPacketId + 1;
        } while (inflight.containsKey(lastPacketId));
        return lastPacketId;
    }

    /** Releases what the session holds, when it ends. */
    public void discard() {
        for (QueuedMessage q : queue) {
            budget.giveBack(q.message().weight());
        }
        queue.clear();
        inflight.clear();
        relieveWaiters();
        awaitingPubRel.clear();
        subscriptions.clear();
    }

    // ---- durability ----

    /** Takes back what the journal kept of this session: subscriptions (the caller adds them to the tree) and messages. */
    public void restore(StoredState.Session stored) {
        subscriptions.putAll(stored.subscriptions());
        awaitingPubRel.addAll(stored.incomingQos2());
        for (StoredState.Outgoing out : stored.outgoing()) {
            lastMessageId = Math.max(lastMessageId, out.id());
            if (out.packetId() != 0) {
                InflightMessage m = new InflightMessage(out.id(), out.message(), out.qos(), out.retainFlag());
                m.released = out.released();
                inflight.put(out.packetId(), m);
                lastPacketId = out.packetId();
            } else {
                queue.add(new QueuedMessage(out.id(), out.message(), out.qos(), out.retainFlag()));
                budget.take(out.message().weight());
            }
        }
    }

    /** This session as journal entries that recreate it, for a snapshot of the broker's state. */
    public void snapshot(List<JournalEntry> into) {
        into.add(new JournalEntry.SessionOpened(clientId));
        subscriptions.forEach((filter, qos) -> into.add(new JournalEntry.Subscribed(clientId, filter, qos)));
        awaitingPubRel.forEach(packetId -> into.add(new JournalEntry.IncomingQos2(clientId, packetId)));
        inflight.forEach((packetId, m) -> {
            into.add(new JournalEntry.OutgoingQueued(clientId, m.id, m.message, m.qos, m.retainFlag, packetId));
            if (m.released) {
                into.add(new JournalEntry.OutgoingReleased(clientId, m.id));
            }
        });
        queue.forEach(q -> into.add(new JournalEntry.OutgoingQueued(clientId, q.id(), q.message(), q.qos(),
                q.retainFlag(), 0)));
    }

    public int queuedCount() {
        return queue.size();
    }

    public int inflightCount() {
        return inflight.size();
    }
}
