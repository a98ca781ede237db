package dev.roost.hub.broker.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.message.MessageProperties;
import dev.roost.hub.broker.subscription.SubscriptionOptions;
import dev.roost.hub.storage.Database;
import dev.roost.hub.storage.H2Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The journal on a real H2 file: what is recorded comes back after a restart, through compaction and disk faults. */
@Timeout(60)
class JournalTest {

    /** How long a snapshot on the slow disk may take, with room for a busy machine. */
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    /** Stands in for the broker loop: records happen on it, and it answers the journal's snapshot requests. */
    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final StateReplay mirror = new StateReplay();
    private Database database;
    private H2Journal journal;
    /** Runs on the loop as the journal takes a snapshot, after the snapshot's ticket was read. */
    private volatile Runnable whileSnapshotTaken = () -> { };

    @AfterEach
    void stop() throws Exception {
        if (journal != null) {
            journal.close();
        }
        loop.shutdownNow();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void sessionsAndRetainedMessagesComeBackAsTheyWereLeft() throws Exception {
        open(Long.MAX_VALUE);
        record(new JournalEntry.Retained(message("home/porch", "ON", 1)));
        record(new JournalEntry.Retained(message("home/gone", "x", 0)));
        record(new JournalEntry.Retained(message("home/gone", "", 0)));
        record(new JournalEntry.SessionOpened("heater"));
        record(new JournalEntry.Subscribed("heater", "home/heating/#", SubscriptionOptions.qos(2)));
        record(new JournalEntry.OutgoingQueued("heater", 1, message("home/heating/set", "a", 1), 1, false, 7));
        record(new JournalEntry.OutgoingQueued("heater", 2, message("home/heating/set", "b", 2), 2, false, 8));
        record(new JournalEntry.OutgoingReleased("heater", 2));
        record(new JournalEntry.OutgoingQueued("heater", 3, message("home/heating/set", "c", 1), 1, false, 0));
        record(new JournalEntry.OutgoingQueued("heater", 4, message("home/heating/set", "d", 1), 1, false, 0));
        record(new JournalEntry.OutgoingSent("heater", 3, 9));
        record(new JournalEntry.OutgoingDone("heater", 1));
        record(new JournalEntry.IncomingQos2("heater", 42));
        record(new JournalEntry.IncomingQos2("heater", 43));
        record(new JournalEntry.IncomingReleased("heater", 42));
        record(new JournalEntry.SessionOpened("gone"));
        record(new JournalEntry.Subscribed("gone", "x", SubscriptionOptions.qos(1)));
        record(new JournalEntry.SessionEnded("gone"));
        awaitDurable();

        StoredState stored = reopen();

        assertThat(stored.retained()).extracting(Message::topic).containsExactly("home/porch");
        assertThat(stored.sessions()).singleElement().satisfies(heater -> {
            assertThat(heater.clientId()).isEqualTo("heater");
            assertThat(heater.subscriptions()).isEqualTo(Map.of("home/heating/#", SubscriptionOptions.qos(2)));
            assertThat(heater.incomingQos2()).isEqualTo(Set.of(43));
            assertThat(heater.outgoing()).extracting(StoredState.Outgoing::id).containsExactly(2L, 3L, 4L);
            assertThat(heater.outgoing()).extracting(StoredState.Outgoing::packetId).containsExactly(8, 9, 0);
            assertThat(heater.outgoing()).extracting(StoredState.Outgoing::released).containsExactly(true, false, false);
        });
    }

    @Test
    void compactionIntoASnapshotKeepsTheStateAndShrinksTheJournal() throws Exception {
        open(4 * 1024);
        record(new JournalEntry.SessionOpened("logger"));
        for (long id = 1; id <= 2_000; id++) {
            record(new JournalEntry.OutgoingQueued("logger", id, message("log/line", "line " + id, 1), 1, false, 0));
            if (id % 2 == 0) {
                record(new JournalEntry.OutgoingDone("logger", id - 1));
            }
            if (id % 100 == 0) {
                awaitDurable(); // many small groups, so compaction happens on the way
            }
        }
        awaitDurable();

        assertThat(count("SELECT COUNT(*) FROM mqtt_snapshot")).isPositive();
        StoredState stored = reopen();
        assertThat(stored.sessions()).singleElement().satisfies(logger ->
                assertThat(logger.outgoing()).hasSize(1_000).allMatch(out -> out.id() % 2 == 0));
        // What the newest snapshot covers is gone: older generations and the journal rows up to its ticket. What
        // is left is a few commits, of two rows each (the last change of a commit is a row of its own).
        assertThat(count("SELECT COUNT(DISTINCT generation) FROM mqtt_snapshot")).isEqualTo(1);
        long snapshotTicket = count("SELECT MAX(ticket) FROM mqtt_snapshot");
        assertThat(journalTickets()).hasSizeLessThan(40).allMatch(ticket -> ticket > snapshotTicket);
    }

    @Test
    void changesMadeWhileASnapshotIsWrittenAreDurableBeforeItIsComplete() throws Exception {
        FailingDisk disk = openDuringSlowSnapshot();
        record(new JournalEntry.Retained(message("during", "1", 1)));
        awaitDurable();
        assertThat(completeSnapshots()).as("durable before the snapshot was complete").isZero();

        await().atMost(SNAPSHOT_WAIT).until(() -> completeSnapshots() > 0);
        disk.slowMillis = 0;
        record(new JournalEntry.Retained(message("after", "1", 1)));
        awaitDurable();

        StoredState stored = reopen(); // closing waits for the rows the snapshot covers to be pruned
        assertThat(stored.retained()).extracting(Message::topic).containsExactlyInAnyOrder("during", "after");
        assertAllQueuedOnceInOrder(stored);
        long snapshotTicket = count("SELECT MAX(ticket) FROM mqtt_snapshot WHERE part = -1");
        assertThat(snapshotTicket).as("the snapshot was completed").isPositive();
        assertThat(journalTickets()).isNotEmpty().allMatch(ticket -> ticket > snapshotTicket);
    }

    @Test
    void whatWasCommittedWhileASnapshotWasWrittenSurvivesItsBeingCutShort() throws Exception {
        FailingDisk disk = openDuringSlowSnapshot();
        record(new JournalEntry.Retained(message("during", "1", 1)));
        awaitDurable();

        disk.failing = true; // as a power cut would, halfway through the snapshot
        await().atMost(SNAPSHOT_WAIT).until(journal::failing);
        assertThat(completeSnapshots()).isZero();

        StoredState stored = reopen(); // the journal rows alone, the snapshot never completed
        assertThat(stored.retained()).extracting(Message::topic).containsExactly("during");
        assertAllQueuedOnceInOrder(stored);
    }

    @Test
    void aChangeThatFillsARowUpToTheSnapshotsTicketSurvivesTheSnapshotBeingCutShort() throws Exception {
        FailingDisk disk = new FailingDisk();
        open(1024 * 1024, disk);
        record(new JournalEntry.SessionOpened("logger"));
        for (long id = 1; id <= 900; id++) {
            record(queuedKilobyte(id));
        }
        awaitDurable();
        // This change takes the journal past 1 MiB. While its commit is slow, a change that fills a row by itself
        // is recorded: the snapshot taken after that commit covers it, and is written while the writer commits it
        // together with a change recorded right after the snapshot was taken.
        disk.slowMillis = 200;
        int callsBefore = disk.calls.get();
        record(new JournalEntry.Retained(message("past-1-MiB", "y".repeat(200 * 1024), 1)));
        await().atMost(SNAPSHOT_WAIT).until(() -> disk.calls.get() > callsBefore); // the writer took it
        List<Long> snapshotTickets = new CopyOnWriteArrayList<>();
        whileSnapshotTaken = () -> {
            whileSnapshotTaken = () -> { }; // this snapshot only, not the one the writer retries once the disk fails
            snapshotTickets.add(journal.lastTicket());
            JournalEntry after = new JournalEntry.Retained(message("after-snapshot", "1", 1));
            mirror.apply(after);
            journal.record(after);
        };
        record(new JournalEntry.Retained(message("row-of-its-own", "z".repeat(17 * 1024), 1)));
        long rowOfItsOwn = onLoop(journal::lastTicket);
        disk.slowMillis = 20;
        await().atMost(SNAPSHOT_WAIT).until(() -> !snapshotTickets.isEmpty());
        awaitDurable();

        disk.failing = true; // as a power cut would, halfway through the snapshot
        await().atMost(SNAPSHOT_WAIT).until(journal::failing);
        assertThat(completeSnapshots()).isZero();
        assertThat(snapshotTickets).as("the snapshot covers the row of its own").containsExactly(rowOfItsOwn);

        StoredState stored = reopen();
        assertThat(stored.retained()).extracting(Message::topic)
                .containsExactlyInAnyOrder("past-1-MiB", "row-of-its-own", "after-snapshot");
    }

    @Test
    void changesNobodyWaitsForGatherUntilSomebodyDoes() throws Exception {
        open(Long.MAX_VALUE, null, Duration.ofSeconds(60));
        record(new JournalEntry.SessionOpened("logger"));
        awaitDurable();
        long commitsBefore = journal.commits();
        // What a persistent subscriber draining its queue records: messages sent and acknowledged, with nothing
        // waiting for them to be on disk.
        for (long id = 1; id <= 20; id++) {
            record(new JournalEntry.OutgoingQueued("logger", id, message("log/line", "line " + id, 1), 1, false, 0));
            record(new JournalEntry.OutgoingDone("logger", id));
            Thread.sleep(5);
        }
        assertThat(journal.commits()).as("nothing written while nobody waits").isEqualTo(commitsBefore);

        awaitDurable(); // well within the minute the changes could still gather for
        assertThat(journal.commits()).as("all in one commit").isEqualTo(commitsBefore + 1);
        assertThat(reopen().sessions()).singleElement()
                .satisfies(logger -> assertThat(logger.outgoing()).isEmpty());
    }

    @Test
    void aGroupCommitWritesItsOwnRowsNotThoseOfTheCommitBefore() throws Exception {
        open(Long.MAX_VALUE);
        record(new JournalEntry.SessionOpened("logger"));
        awaitDurable();
        long fileBefore = fileBytes();
        long journalBytes = 0;
        long id = 0;
        for (int commit = 0; commit < 100; commit++) {
            List<JournalEntry> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(queuedKilobyte(++id));
                journalBytes += encode(batch.get(i)).length;
            }
            onLoop(() -> batch.forEach(entry -> {
                mirror.apply(entry);
                journal.record(entry);
            }));
            awaitDurable();
        }
        // Each commit also writes H2's own bookkeeping and fills its last 4 KiB block; a commit that wrote the
        // rows of the one before again, as H2 does with rows that share a leaf, wrote more than twice the rows.
        assertThat(fileBytes() - fileBefore).isLessThan(2 * journalBytes);
        assertThat(reopen().sessions()).singleElement()
                .satisfies(logger -> assertThat(logger.outgoing()).hasSize(2_000));
    }

    @Test
    void rowsAnOlderVersionLeftInTheJournalTableAreReplayedFirstAndPrunedByTheNextSnapshot() throws Exception {
        database = Database.open(data, List.of("hub"));
        // The previous version wrote its group commits as rows of this table.
        List<JournalEntry> older = List.of(new JournalEntry.SessionOpened("heater"),
                new JournalEntry.Subscribed("heater", "home/heating/#", SubscriptionOptions.qos(1)),
                new JournalEntry.OutgoingQueued("heater", 1, message("home/heating/on", "1", 1), 1, false, 0));
        try (Connection c = database.dataSource().getConnection();
             var insert = c.prepareStatement("INSERT INTO mqtt_journal (ticket, entries) VALUES (?, ?)")) {
            for (int i = 0; i < older.size(); i++) {
                insert.setLong(1, i + 1);
                insert.setBytes(2, encode(older.get(i)));
                insert.executeUpdate();
                mirror.apply(older.get(i));
            }
        }
        journal = new H2Journal(database.dataSource(), 1, H2Journal.UNAWAITED_GATHER);
        assertThat(journal.load().lastTicket()).isEqualTo(3);
        journal.start(loop, this::snapshot);

        record(new JournalEntry.OutgoingQueued("heater", 2, message("home/heating/on", "2", 1), 1, false, 0));
        awaitDurable(); // the writer compacts after it announced that group commit
        record(new JournalEntry.Retained(message("home/heating/mode", "eco", 1)));
        awaitDurable();

        StoredState stored = reopen(); // closing waits for the compaction, which goes on while changes commit
        assertThat(count("SELECT COUNT(*) FROM mqtt_journal")).as("included in the snapshot").isZero();
        assertThat(stored.sessions()).singleElement().satisfies(heater -> {
            assertThat(heater.subscriptions()).containsOnlyKeys("home/heating/#");
            assertThat(heater.outgoing()).extracting(StoredState.Outgoing::id).containsExactly(1L, 2L);
        });
        assertThat(stored.retained()).extracting(Message::topic).containsExactly("home/heating/mode");
    }

    @Test
    void whatMqtt5AddsComesBackToo() throws Exception {
        open(Long.MAX_VALUE);
        MessageProperties properties = new MessageProperties(true, 1_900_000_000_000L, "application/json",
                "phone/replies", new byte[] {9, 8}, List.of(new MessageProperties.UserProperty("room", "hall"),
                        new MessageProperties.UserProperty("room", "attic")));
        record(new JournalEntry.Retained(Message.of("home/v5", bytes("{}"), 1, true, properties)));
        record(new JournalEntry.SessionOpened("bridge"));
        record(new JournalEntry.SessionExpiry("bridge", 3600));
        record(new JournalEntry.Subscribed("bridge", "zigbee/#", new SubscriptionOptions(1, true, true, 2, 42)));
        record(new JournalEntry.OutgoingQueued("bridge", 1, Message.of("zigbee/x", bytes("on"), 1, false,
                properties), 1, false, 0, new int[] {42, 7}));
        awaitDurable();

        StoredState stored = reopen();

        MessageProperties retained = stored.retained().get(0).properties();
        assertThat(retained.utf8Payload()).isTrue();
        assertThat(retained.expiresAtMillis()).isEqualTo(1_900_000_000_000L);
        assertThat(retained.contentType()).isEqualTo("application/json");
        assertThat(retained.responseTopic()).isEqualTo("phone/replies");
        assertThat(retained.correlationData()).containsExactly(9, 8);
        assertThat(retained.userProperties()).extracting(MessageProperties.UserProperty::value)
                .containsExactly("hall", "attic");
        assertThat(stored.sessions()).singleElement().satisfies(bridge -> {
            assertThat(bridge.expirySeconds()).isEqualTo(3600);
            assertThat(bridge.subscriptions()).containsEntry("zigbee/#", new SubscriptionOptions(1, true, true, 2, 42));
            assertThat(bridge.outgoing()).singleElement().satisfies(out -> {
                assertThat(out.subscriptionIds()).containsExactly(42, 7);
                assertThat(out.message().properties().userProperties()).hasSize(2);
            });
        });
    }

    @Test
    void whileTheDiskFailsNothingBecomesDurableAndOnRecoveryEverythingIs() throws Exception {
        FailingDisk disk = new FailingDisk();
        open(Long.MAX_VALUE, disk);
        record(new JournalEntry.Retained(message("before", "1", 1)));
        awaitDurable();

        disk.failing = true;
        record(new JournalEntry.Retained(message("during", "2", 1)));
        CountDownLatch durable = new CountDownLatch(1);
        onLoop(() -> journal.whenDurable(journal.lastTicket(), durable::countDown));
        assertThat(durable.await(3, TimeUnit.SECONDS)).as("nothing is durable while the disk fails").isFalse();
        assertThat(journal.failing()).isTrue();

        disk.failing = false;
        assertThat(durable.await(10, TimeUnit.SECONDS)).as("durable once the disk works again").isTrue();
        assertThat(journal.failing()).isFalse();
        StoredState stored = reopen();
        assertThat(stored.retained()).extracting(Message::topic).containsExactlyInAnyOrder("before", "during");
    }

    @Test
    void aSlowWriteIsTimedAndLoggedOnce() throws Exception {
        FailingDisk disk = new FailingDisk();
        open(Long.MAX_VALUE, disk);
        record(new JournalEntry.Retained(message("quick", "1", 1)));
        awaitDurable();
        assertThat(journal.writeSeconds()).isPositive().isLessThan(1.0);

        Logger logger = (Logger) LoggerFactory.getLogger(H2Journal.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            disk.slowMillis = 1_000; // per call on the connection: every commit takes a second at least
            record(new JournalEntry.Retained(message("slow", "1", 1)));
            awaitDurable();
            record(new JournalEntry.Retained(message("slower", "1", 1)));
            awaitDurable();
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(journal.writeSeconds()).isGreaterThan(2.0);
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .matches("writing the broker's state to disk took \\d{4,} ms, .*");
    }

    @Test
    void waitersRunOnceTheirTicketIsDurableInTheOrderTheyWaitedAndLaterOnesKeepWaiting() throws Exception {
        FailingDisk disk = new FailingDisk();
        open(Long.MAX_VALUE, disk);
        disk.failing = true; // holds durability back while the waiters pile up, as a slow disk would
        List<String> ran = new CopyOnWriteArrayList<>();
        int perTicket = 2_000; // a few publishers' windows
        CountDownLatch firstTwo = new CountDownLatch(2 * perTicket);
        for (String name : List.of("first", "second")) {
            record(new JournalEntry.Retained(message(name, "1", 1)));
            onLoop(() -> {
                long ticket = journal.lastTicket();
                for (int i = 0; i < perTicket; i++) {
                    journal.whenDurable(ticket, () -> {
                        ran.add(name);
                        firstTwo.countDown();
                    });
                }
            });
        }
        CountDownLatch third = new CountDownLatch(1);
        onLoop(() -> journal.whenDurable(journal.lastTicket() + 1, () -> {
            ran.add("third");
            third.countDown();
        }));

        disk.failing = false;
        assertThat(firstTwo.await(10, TimeUnit.SECONDS)).as("durable once the disk works again").isTrue();
        onLoop(() -> { }); // the waiters due at that commit have all run on the loop
        assertThat(ran).hasSize(2 * perTicket).doesNotContain("third");
        assertThat(ran.subList(0, perTicket)).containsOnly("first");
        assertThat(ran.subList(perTicket, 2 * perTicket)).containsOnly("second");

        record(new JournalEntry.Retained(message("third", "1", 1)));
        assertThat(third.await(10, TimeUnit.SECONDS)).as("the next change's waiter runs once it is durable").isTrue();
        assertThat(ran).hasSize(2 * perTicket + 1).endsWith("third");
    }

    // ---- helpers ----

    private void open(long snapshotAfterBytes) {
        open(snapshotAfterBytes, null);
    }

    private void open(long snapshotAfterBytes, FailingDisk disk) {
        open(snapshotAfterBytes, disk, H2Journal.UNAWAITED_GATHER);
    }

    private void open(long snapshotAfterBytes, FailingDisk disk, Duration unawaitedGather) {
        database = Database.open(data, List.of("hub"));
        DataSource source = disk == null ? database.dataSource() : disk.wrap(database.dataSource());
        journal = new H2Journal(source, snapshotAfterBytes, unawaitedGather);
        journal.load();
        journal.start(loop, this::snapshot);
    }

    /**
     * Opens a journal that compacts past 1 MiB and queues 2,000 messages of 1 KiB, all but the first 500 on a disk
     * where every call on a connection takes 10 ms: the journal passes 1 MiB on the slow disk, and the snapshot it
     * then starts, of about 2 MiB in parts of 16 KiB, takes over a second. Returns that disk.
     */
    private FailingDisk openDuringSlowSnapshot() throws Exception {
        FailingDisk disk = new FailingDisk();
        open(1024 * 1024, disk);
        record(new JournalEntry.SessionOpened("logger"));
        for (long id = 1; id <= 2_000; id++) {
            if (id == 500) {
                awaitDurable();
                disk.slowMillis = 10;
            }
            record(queuedKilobyte(id));
        }
        awaitDurable();
        return disk;
    }

    /** Each of the 2,000 messages {@link #openDuringSlowSnapshot} queued, once and in order. */
    private static void assertAllQueuedOnceInOrder(StoredState stored) {
        assertThat(stored.sessions()).singleElement().satisfies(logger -> assertThat(logger.outgoing())
                .extracting(StoredState.Outgoing::id).hasSize(2_000).doesNotHaveDuplicates().isSorted());
    }

    private long completeSnapshots() throws SQLException {
        return count("SELECT COUNT(*) FROM mqtt_snapshot WHERE part = -1");
    }

    private StoredState reopen() throws Exception {
        journal.close();
        journal = null;
        database.close();
        database = Database.open(data, List.of("hub"));
        return new H2Journal(database.dataSource()).load();
    }

    /** The test's own copy of the state, as the broker would snapshot it; then runs {@link #whileSnapshotTaken}. */
    private List<JournalEntry> snapshot() {
        List<JournalEntry> entries = new ArrayList<>();
        StoredState state = mirror.result(0);
        state.retained().forEach(m -> entries.add(new JournalEntry.Retained(m)));
        for (StoredState.Session s : state.sessions()) {
            entries.add(new JournalEntry.SessionOpened(s.clientId()));
            entries.add(new JournalEntry.SessionExpiry(s.clientId(), s.expirySeconds()));
            s.subscriptions().forEach((f, q) -> entries.add(new JournalEntry.Subscribed(s.clientId(), f, q)));
            s.incomingQos2().forEach(id -> entries.add(new JournalEntry.IncomingQos2(s.clientId(), id)));
            for (StoredState.Outgoing o : s.outgoing()) {
                entries.add(new JournalEntry.OutgoingQueued(s.clientId(), o.id(), o.message(), o.qos(),
                        o.retainFlag(), o.packetId(), o.subscriptionIds()));
                if (o.released()) {
                    entries.add(new JournalEntry.OutgoingReleased(s.clientId(), o.id()));
                }
            }
        }
        whileSnapshotTaken.run();
        return entries;
    }

    private void record(JournalEntry entry) throws Exception {
        onLoop(() -> {
            mirror.apply(entry);
            journal.record(entry);
        });
    }

    private void awaitDurable() throws Exception {
        CountDownLatch durable = new CountDownLatch(1);
        onLoop(() -> journal.whenDurable(journal.lastTicket(), durable::countDown));
        assertThat(durable.await(10, TimeUnit.SECONDS)).as("durable in time").isTrue();
    }

    private void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private long fileBytes() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return H2Storage.of(c).getFileStore().size();
        }
    }

    private List<Long> journalTickets() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            List<Long> tickets = new ArrayList<>();
            for (int number : JournalTables.journalNumbers(c)) {
                tickets.addAll(JournalTables.journal(c, number).keySet());
            }
            return tickets;
        }
    }

    private static byte[] encode(JournalEntry entry) throws IOException {
        var bytes = new ByteArrayOutputStream();
        JournalCodec.write(entry, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Message {@code id} of 1 KiB queued for the persistent session "logger". */
    private static JournalEntry queuedKilobyte(long id) {
        return new JournalEntry.OutgoingQueued("logger", id, message("log/line", "x".repeat(1024), 1), 1, false, 0);
    }

    private static Message message(String topic, String payload, int qos) {
        return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
