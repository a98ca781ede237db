package dev.roost.hub.broker.session;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.persistence.JournalEntry;
import dev.roost.hub.broker.persistence.StoredState;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.hub.broker.subscription.Subscriber;
import dev.roost.hub.broker.subscription.SubscriptionOptions;
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
import java.util.concurrent.Future;

/**
 * The state the broker keeps for one client id: subscriptions, outgoing QoS 1/2 messages in flight and
 * queued, and incoming QoS 2 packet ids awaiting PUBREL. It outlives connections when the client asked for
 * a persistent session (MQTT 3.1.1 clean session 0, MQTT 5 session expiry above 0), when every change is also
 * recorded in the broker's journal so the session survives a restart. Confined to the broker's event loop.
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
    /** Seconds the session outlives its connection; {@link JournalEntry.SessionExpiry#NEVER} for no limit. */
    private long expirySeconds;
    private final int maxInflight;
    private int inflightLimit;
    /** In-flight messages not yet re-sent on the current connection ({@link InflightMessage#awaitingResend}). */
    private int awaitingResend;
    private final int maxQueued;
    private final QueueBudget budget;
    private final BrokerStats stats;
    private final BrokerJournal journal;

    private final Map<String, SubscriptionOptions> subscriptions = new LinkedHashMap<>();
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
    private long oversizeDrops;
    private ClientLink link;
    /** Ends the session when it has been without a connection for its expiry interval. */
    private Future<?> expiryTimer;
    /** A will waiting for its delay (MQTT 5) to pass; it is dropped if the client comes back first. */
    private DelayedWill delayedWill;

    /** A will published later: by its timer, or at once when the session ends first [MQTT-3.1.3-9]. */
    public record DelayedWill(Runnable publish, Future<?> timer) {
    }

    /**
     * @param clean   the session ends with its connection and is never journaled
     * @param journal where a persistent session records its changes; a clean session records nothing (nor builds
     *                the entries: this is the per-message path)
     */
    public Session(String clientId, boolean clean, int maxInflight, int maxQueued, QueueBudget budget,
                   BrokerStats stats, BrokerJournal journal) {
        this.clientId = clientId;
        this.clean = clean;
        this.expirySeconds = clean ? 0 : JournalEntry.SessionExpiry.NEVER;
        this.journal = journal;
        this.maxInflight = maxInflight;
        this.inflightLimit = maxInflight;
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

    @Override
    public boolean isPersistent() {
        return !clean;
    }

    public ClientLink link() {
        return link;
    }

    /** Seconds the session outlives its connection: 0 for a clean session, {@link JournalEntry.SessionExpiry#NEVER}. */
    public long expirySeconds() {
        return expirySeconds;
    }

    /** Sets how long a persistent session outlives its connection (MQTT 5, at CONNECT or DISCONNECT). */
    public void expireAfter(long seconds) {
        if (seconds == expirySeconds) {
            return;
        }
        expirySeconds = seconds;
        if (!clean) {
            journal.record(new JournalEntry.SessionExpiry(clientId, seconds));
        }
    }

    /** Arms the timer that ends this session while it has no connection; replaces any earlier one. */
    public void expireWith(Future<?> timer) {
        cancelExpiry();
        expiryTimer = timer;
    }

    private void cancelExpiry() {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
    }

    public void delayWill(DelayedWill will) {
        cancelWill();
        delayedWill = will;
    }

    /** The client came back in time: its delayed will is not published [MQTT-3.1.3-9]. */
    private void cancelWill() {
        if (delayedWill != null) {
            delayedWill.timer().cancel(false);
            delayedWill = null;
        }
    }

    /** Called by the will's own timer once it has published it. */
    public void willPublished() {
        delayedWill = null;
    }

    /** Binds the session to a new connection and re-sends what was left unacknowledged [MQTT-4.4.0-1]. */
    public void attach(ClientLink newLink) {
        this.link = newLink;
        cancelExpiry();
        cancelWill();
        // Never more in flight than the client takes [MQTT-3.3.4-9]: the rest is re-sent as others complete.
        inflightLimit = Math.max(1, Math.min(maxInflight, newLink.receiveMaximum()));
        awaitingResend = 0;
        int resent = 0;
        for (Map.Entry<Integer, InflightMessage> entry : inflight.entrySet()) {
            InflightMessage m = entry.getValue();
            m.awaitingResend = resent++ >= inflightLimit;
            if (m.awaitingResend) {
                awaitingResend++;
            } else {
                resend(entry.getKey(), m);
            }
        }
        drain();
    }

    private void resend(int packetId, InflightMessage m) {
        if (m.released) {
            link.writePubRel(packetId);
        } else {
            link.writePublish(null, m.message, m.qos, m.retainFlag, true, packetId, m.subscriptionIds);
        }
    }

    /** Takes a message out of flight, acknowledged or given up. */
    private void completeInflight(int packetId, InflightMessage m) {
        inflight.remove(packetId);
        if (m.awaitingResend) {
            m.awaitingResend = false;
            awaitingResend--;
        }
        if (!clean) {
            journal.record(new JournalEntry.OutgoingDone(clientId, m.id));
        }
        drain();
    }

    public void detach() {
        this.link = null;
        relieveWaiters(); // nobody waits for a client that is gone: its messages queue or drop
    }

    // ---- subscriptions, as the client asked for them; the tree holds the routing copy ----

    public Map<String, SubscriptionOptions> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    public void addSubscription(String filter, SubscriptionOptions options) {
        subscriptions.put(filter, options);
        if (!clean) {
            journal.record(new JournalEntry.Subscribed(clientId, filter, options));
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

    /** Whether a QoS 2 packet id was received and not yet released: a PUBLISH with it is a re-delivery. */
    public boolean awaitsRelease(int packetId) {
        return awaitingPubRel.contains(packetId);
    }

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

    /** PUBREL from the client; false when the packet id was not awaiting it. */
    public boolean releaseQos2(int packetId) {
        if (!awaitingPubRel.remove(packetId)) {
            return false;
        }
        if (!clean) {
            journal.record(new JournalEntry.IncomingReleased(clientId, packetId));
        }
        return true;
    }

    // ---- outgoing ----

    @Override
    public boolean deliver(Delivery delivery, int qos, boolean retainFlag, int[] subscriptionIds) {
        Message message = delivery.message();
        if (link != null && !link.fits(message, qos, subscriptionIds)) {
            droppedOversize(message);
        } else if (qos == 0) {
            deliverQos0(delivery, retainFlag, subscriptionIds);
        } else if (link != null && link.writable() && queue.isEmpty() && inflight.size() < inflightLimit) {
            long id = ++lastMessageId;
            int packetId = track(id, message, qos, retainFlag, subscriptionIds);
            if (!clean) {
                journal.record(new JournalEntry.OutgoingQueued(clientId, id, message, qos, retainFlag, packetId,
                        subscriptionIds));
            }
            link.writePublish(delivery, message, qos, retainFlag, false, packetId, subscriptionIds);
        } else {
            long id = ++lastMessageId;
            enqueue(new QueuedMessage(id, message, qos, retainFlag, subscriptionIds));
            if (!clean) {
                journal.record(new JournalEntry.OutgoingQueued(clientId, id, message, qos, retainFlag, 0,
                        subscriptionIds));
            }
        }
        return holdsPublishersBack();
    }

    /** A message larger than the client takes is dropped as if sent [MQTT-3.1.2-25]; logged now and then. */
    private void droppedOversize(Message message) {
        stats.oversizeDrops.increment();
        if (oversizeDrops++ % 1000 == 0) {
            log.atWarn().addKeyValue("clientId", clientId).addKeyValue("topic", message.topic())
                    .addKeyValue("dropped", oversizeDrops)
                    .log("message larger than the client's maximum packet size, not sent");
        }
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

    private void deliverQos0(Delivery delivery, boolean retainFlag, int[] subscriptionIds) {
        if (link == null) {
            return; // QoS 0 messages are not kept for offline clients
        }
        long limit = isStuck() ? QOS0_STUCK_LIMIT : QOS0_BUFFER_LIMIT;
        if (!link.writable() && link.bufferedBytes() > limit) {
            stats.qos0Drops.increment(); // at most once: a client this far behind loses QoS 0 messages
            return;
        }
        link.writePublish(delivery, delivery.message(), 0, retainFlag, false, 0, subscriptionIds);
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
        // A message that expired while it waited goes to nobody [MQTT-3.3.2-5]; nor one too large for this client.
        boolean expired = queued.message().expired(System.currentTimeMillis());
        if (expired || !link.fits(queued.message(), queued.qos(), queued.subscriptionIds())) {
            if (!expired) {
                droppedOversize(queued.message());
            }
            if (!clean) {
                journal.record(new JournalEntry.OutgoingDone(clientId, queued.id()));
            }
            return;
        }
        int packetId = track(queued.id(), queued.message(), queued.qos(), queued.retainFlag(),
                queued.subscriptionIds());
        if (!clean) {
            journal.record(new JournalEntry.OutgoingSent(clientId, queued.id(), packetId));
        }
        link.writePublish(null, queued.message(), queued.qos(), queued.retainFlag(), false, packetId,
                queued.subscriptionIds());
    }

    /** Puts an outgoing QoS 1/2 message in flight under a fresh packet id. */
    private int track(long id, Message message, int qos, boolean retainFlag, int[] subscriptionIds) {
        int packetId = nextPacketId();
        inflight.put(packetId, new InflightMessage(id, message, qos, retainFlag, subscriptionIds));
        stats.messagesSent.increment();
        sent++;
        return packetId;
    }

    /**
     * Re-sends what a reconnect held back, then moves queued messages into the in-flight window, while the
     * client can take them.
     */
    public void drain() {
        if (awaitingResend > 0) {
            for (Map.Entry<Integer, InflightMessage> entry : inflight.entrySet()) {
                if (link == null || !link.writable() || inflight.size() - awaitingResend >= inflightLimit) {
                    break;
                }
                InflightMessage m = entry.getValue();
                if (m.awaitingResend) {
                    m.awaitingResend = false;
                    awaitingResend--;
                    resend(entry.getKey(), m);
                }
            }
        }
        while (link != null && link.writable() && inflight.size() < inflightLimit && !queue.isEmpty()) {
            QueuedMessage next = queue.poll();
            budget.giveBack(next.message().weight());
            send(next);
        }
        relieveWaiters();
    }

    /**
     * PUBACK for a QoS 1 message, or (MQTT 5) a PUBACK or PUBREC with an error code, which ends the exchange
     * for a message of that QoS as well [MQTT-4.3.3-4].
     */
    public void acknowledged(int packetId, int qos) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == qos && !m.released) {
            completeInflight(packetId, m);
        }
    }

    /** PUBREC for a QoS 2 message: from now on only PUBREL is re-sent [MQTT-4.3.3-1]. */
    public void received(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 2 && !m.released) {
            m.released = true;
            if (m.awaitingResend) { // answered from before the reconnect: the PUBREL below is its re-send
                m.awaitingResend = false;
                awaitingResend--;
            }
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
            completeInflight(packetId, m);
        }
    }

    /** Never reuses an id still in flight [MQTT-2.3.1-2]; the window is far below 65,535. */
    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId == 65535 ? 1 : lastPacketId + 1;
        } while (inflight.containsKey(lastPacketId));
        return lastPacketId;
    }

    /** Releases what the session holds, when it ends; a delayed will is published now [MQTT-3.1.3-9]. */
    public void discard() {
        cancelExpiry();
        DelayedWill will = delayedWill;
        if (will != null) {
            cancelWill();
            will.publish().run();
        }
        for (QueuedMessage q : queue) {
            budget.giveBack(q.message().weight());
        }
        queue.clear();
        inflight.clear();
        awaitingResend = 0;
        relieveWaiters();
        awaitingPubRel.clear();
        subscriptions.clear();
    }

    // ---- durability ----

    /** Takes back what the journal kept of this session: subscriptions (the caller adds them to the tree) and messages. */
    public void restore(StoredState.Session stored) {
        subscriptions.putAll(stored.subscriptions());
        expirySeconds = stored.expirySeconds();
        awaitingPubRel.addAll(stored.incomingQos2());
        for (StoredState.Outgoing out : stored.outgoing()) {
            lastMessageId = Math.max(lastMessageId, out.id());
            if (out.packetId() != 0) {
                InflightMessage m = new InflightMessage(out.id(), out.message(), out.qos(), out.retainFlag(),
                        out.subscriptionIds());
                m.released = out.released();
                inflight.put(out.packetId(), m);
                lastPacketId = out.packetId();
            } else {
                queue.add(new QueuedMessage(out.id(), out.message(), out.qos(), out.retainFlag(),
                        out.subscriptionIds()));
                budget.take(out.message().weight());
            }
        }
    }

    /** This session as journal entries that recreate it, for a snapshot of the broker's state. */
    public void snapshot(List<JournalEntry> into) {
        into.add(new JournalEntry.SessionOpened(clientId));
        if (expirySeconds != JournalEntry.SessionExpiry.NEVER) {
            into.add(new JournalEntry.SessionExpiry(clientId, expirySeconds));
        }
        subscriptions.forEach((filter, options) -> into.add(new JournalEntry.Subscribed(clientId, filter, options)));
        awaitingPubRel.forEach(packetId -> into.add(new JournalEntry.IncomingQos2(clientId, packetId)));
        inflight.forEach((packetId, m) -> {
            into.add(new JournalEntry.OutgoingQueued(clientId, m.id, m.message, m.qos, m.retainFlag, packetId,
                    m.subscriptionIds));
            if (m.released) {
                into.add(new JournalEntry.OutgoingReleased(clientId, m.id));
            }
        });
        queue.forEach(q -> into.add(new JournalEntry.OutgoingQueued(clientId, q.id(), q.message(), q.qos(),
                q.retainFlag(), 0, q.subscriptionIds())));
    }

    public int queuedCount() {
        return queue.size();
    }

    public int inflightCount() {
        return inflight.size();
    }
}
