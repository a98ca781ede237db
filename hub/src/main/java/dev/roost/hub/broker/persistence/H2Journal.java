package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.OncePerMinute;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The broker's journal in H2: a writer thread takes every change recorded since its last write and stores them
 * in a few rows, forced to disk at once (group commit), then tells the broker loop which tickets are durable.
 * Now and then the journal is compacted into a snapshot of the whole state taken on the broker loop; group
 * commits go on between its parts, so acknowledgements do not wait for it. When storage fails, nothing more
 * becomes durable, so acknowledgements wait; the writer retries, and on success writes a fresh snapshot, which
 * covers every change made meanwhile.
 *
 * <p>Threading: {@link #record}, {@link #lastTicket}, {@link #whenDurable} on the broker loop; the rest of the
 * work on the writer thread.
 */
public final class H2Journal implements BrokerJournal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2Journal.class);
    private static final int MAX_BATCH_ENTRIES = 4_000;
    /**
     * A small batch waits this long for more changes first. Every commit writes an H2 chunk with its metadata and
     * forces the file, and a busy broker's changes arrive a few at a time. But every acknowledgement waiting for
     * the batch waits this long too: where forcing the file takes a quarter of a millisecond (an SSD), 2 ms was
     * most of a publisher's wait. In stored fan-in of 40,000 messages from 8 publishers, 0.5 ms instead of 2 ms
     * published 9% faster cold and 35% faster warm (medians of 6 alternating rounds; 0.2 ms was no faster than
     * 0.5) for about 30% more commits (220 instead of 170 in a warm run, each about 1.3 ms); from 32 publishers
     * the rates were equal and the broker used about 8% more CPU. Where forcing the file takes milliseconds (an
     * SD card, a busy disk), changes gather while it is written, and the length of this wait matters little.
     */
    private static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final int GATHER_BELOW_ENTRIES = 512;
    /**
     * While a snapshot is written, commits of the changes waiting are this far apart at least: each one forces the
     * file between two of the snapshot's parts, which makes the snapshot take longer.
     */
    private static final long COMMIT_DURING_SNAPSHOT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * Changes nobody waits for gather this long at most (or up to a full batch). No acknowledgement depends on
     * them: that a subscriber took a message, say, which lost in a crash means a QoS 1 message sent again. A
     * persistent subscriber draining its queue made a forced write every few milliseconds that nothing needed,
     * each one a few blocks more written to an SD card: in a stored fan-in of 40,000 messages, about 100 of 260
     * commits; with this, 15 to 20 (with 50 ms, 5, but the drain was no faster and it held more changes).
     */
    static final Duration UNAWAITED_GATHER = Duration.ofMillis(10);
    /**
     * Bytes per row, at most (one entry may exceed it). H2's copy-on-write B-tree rewrites the last leaf, with the
     * rows in it, at every commit: rows far larger than its page size made each commit write megabytes.
     */
    private static final int ROW_BYTES = 16 * 1024;
    /**
     * Snapshot parts per transaction, each forced to disk: H2 writes every commit at once (see Database), and a
     * snapshot of a long queue has hundreds of parts; more per transaction would grow H2's undo log.
     */
    private static final int PARTS_PER_SYNC = 32;
    /**
     * Rows of older snapshots deleted per transaction after a snapshot: up to about 1 MiB, as a part holds up to
     * {@link #ROW_BYTES}. The journal rows it covers go at once, with their map.
     */
    private static final int PRUNE_ROWS = 64;
    private static final long MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT = 8L * 1024 * 1024;
    /** Changes waiting for the writer beyond which QoS 1/2 publishers are refused, so a slow disk cannot fill the heap. */
    private static final int MAX_WAITING = 100_000;
    private static final long RETRY_MILLIS = 2_000;
    /** A group commit this slow holds every acknowledgement waiting for it long enough to say so in the log. */
    private static final long SLOW_WRITE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SNAPSHOT_TIMEOUT_SECONDS = 10;

    /** The snapshot ticket of a group commit while no snapshot is being written: no boundary to keep. */
    private static final long NO_SNAPSHOT = Long.MAX_VALUE;

    private record Waiter(long ticket, Runnable task) {
    }

    /** Tells the broker loop what is durable; a class, as the quick JIT compiler makes capturing lambdas slowly. */
    private final class Durable implements Runnable {
        private final long ticket;

        Durable(long ticket) {
            this.ticket = ticket;
        }

        @Override
        public void run() {
            durable(ticket);
        }
    }

    private final DataSource dataSource;
    private final WaitingChanges waiting = new WaitingChanges();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private volatile boolean failing;
    /** The highest ticket an acknowledgement waits for; written on the broker loop. */
    private volatile long awaitedTicket;
    /** Whether the writer gathers changes nobody waits for, and a new wait must wake it. */
    private volatile boolean gatheringUnawaited;
    private volatile boolean running = true;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread writer;
    private Executor loop;
    private SnapshotSource source;

    // Broker loop only.
    private long lastTicket;
    private long durableTicket;
    private final List<Waiter> waiters = new ArrayList<>();

    // Writer thread only.
    private final WaitingChanges.Batch batch = new WaitingChanges.Batch();
    private final WaitingChanges.Batch batchDuringSnapshot = new WaitingChanges.Batch();
    private final RowBuffer rowBytes = new RowBuffer();
    private final DataOutputStream rowOut = new DataOutputStream(rowBytes);
    private final RowBuffer partBytes = new RowBuffer();
    private final DataOutputStream partOut = new DataOutputStream(partBytes);
    private Connection connection;
    /** The journal map the rows after the latest snapshot's ticket go to; the one before takes those up to it. */
    private int journalMap;
    private long skipThrough;
    /** The highest ticket written and forced to disk. */
    private long writtenTicket;
    private long lastCommitNanos;
    private long journalBytes;
    private long lastSnapshotBytes;
    private int snapshotGeneration;
    private final OncePerMinute failureLog = new OncePerMinute();
    private final OncePerMinute slowWriteLog = new OncePerMinute();

    private final long snapshotAfterBytes;
    private final long unawaitedGatherNanos;

    public H2Journal(DataSource dataSource) {
        this(dataSource, MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT, UNAWAITED_GATHER);
    }

    /**
     * @param snapshotAfterBytes journal bytes written before it is compacted into a snapshot, at least
     * @param unawaitedGather    how long changes nobody waits for gather, at most
     */
    H2Journal(DataSource dataSource, long snapshotAfterBytes, Duration unawaitedGather) {
        this.dataSource = dataSource;
        this.snapshotAfterBytes = snapshotAfterBytes;
        this.unawaitedGatherNanos = unawaitedGather.toNanos();
    }

    /** Reads what the journal holds; call once, before {@link #start}. */
    public StoredState load() {
        try (Connection reader = dataSource.getConnection()) {
            StoredState state = JournalTables.load(reader);
            snapshotGeneration = JournalTables.highestGeneration(reader);
            journalMap = JournalTables.journalNumbers(reader).stream().mapToInt(Integer::intValue).max().orElse(0);
            lastTicket = state.lastTicket();
            durableTicket = state.lastTicket();
            skipThrough = state.lastTicket();
            writtenTicket = state.lastTicket();
            return state;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the broker's stored state: " + e.getMessage(), e);
        }
    }

    /** Starts writing; {@code loop} is the broker loop, {@code source} takes snapshots on it. */
    public void start(Executor brokerLoop, SnapshotSource snapshots) {
        this.loop = brokerLoop;
        this.source = snapshots;
        writer = new Thread(this::writeUntilClosed, "roost-journal");
        writer.setDaemon(true);
        waiting.consumedBy(writer);
        writer.start();
    }

    @Override
    public void record(JournalEntry entry) {
        waiting.add(++lastTicket, entry);
    }

    @Override
    public long lastTicket() {
        return lastTicket;
    }

    @Override
    public boolean isDurable(long ticket) {
        return ticket <= durableTicket;
    }

    @Override
    public void whenDurable(long ticket, Runnable task) {
        if (ticket <= durableTicket) {
            task.run();
            return;
        }
        waiters.add(new Waiter(ticket, task));
        if (ticket > awaitedTicket) {
            awaitedTicket = ticket;
            if (gatheringUnawaited) {
                LockSupport.unpark(writer);
            }
        }
    }

    @Override
    public boolean accepting() {
        return waiting.size() < MAX_WAITING;
    }

    /** Whether the last attempt to write failed; acknowledgements wait until a write succeeds again. */
    public boolean failing() {
        return failing;
    }

    /** Group commits so far. */
    public long commits() {
        return commits.get();
    }

    /** Time the group commits so far took, from taking the changes to the end of the forced write. */
    public double writeSeconds() {
        return writeNanos.get() / 1e9;
    }

    /** Failed attempts to write so far. */
    public long failures() {
        return failures.get();
    }

    private void durable(long ticket) {
        durableTicket = Math.max(durableTicket, ticket);
        if (waiters.isEmpty()) {
            return;
        }
        // One pass (removeIf): removing through an iterator copies the rest of the list down at every removal,
        // which with thousands of acknowledgements waiting is millions of moves per commit on the broker loop.
        List<Waiter> due = new ArrayList<>();
        waiters.removeIf(waiter -> {
            if (waiter.ticket() > durableTicket) {
                return false;
            }
            due.add(waiter);
            return true;
        });
        due.forEach(waiter -> waiter.task().run());
    }

    // ---- the writer thread ----

    private void writeUntilClosed() {
        while (running || waiting.size() > 0) {
            try {
                if (failing) {
                    stopping.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    waiting.discard(); // the snapshot written on recovery includes these changes
                    recover();
                    continue;
                }
                if (!waiting.await(RETRY_MILLIS)) {
                    continue;
                }
                if (waiting.size() < GATHER_BELOW_ENTRIES) {
                    LockSupport.parkNanos(GATHER_NANOS);
                    gatherWhileUnawaited();
                }
                waiting.takeInto(batch, MAX_BATCH_ENTRIES);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                fail(e);
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    /**
     * Goes on gathering while no acknowledgement waits for a change not yet written, up to
     * {@link #UNAWAITED_GATHER} or a full batch; a new wait ends it at once (see {@link #whenDurable}).
     */
    private void gatherWhileUnawaited() {
        long deadline = System.nanoTime() + unawaitedGatherNanos;
        gatheringUnawaited = true;
        try {
            long left;
            while (running && awaitedTicket <= writtenTicket && waiting.size() < MAX_BATCH_ENTRIES
                    && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
        } finally {
            gatheringUnawaited = false;
        }
    }

    /** Writes the batch and forces it to disk, then compacts the journal into a snapshot when it has grown. */
    private void writeBatch(WaitingChanges.Batch batch) throws SQLException {
        append(batch, NO_SNAPSHOT);
        if (journalBytes > Math.max(snapshotAfterBytes, 2 * lastSnapshotBytes)) {
            long ticket = writeSnapshot(true);
            if (ticket >= 0) {
                announce(ticket);
            }
        }
    }

    /**
     * Writes the changes in rows of at most {@link #ROW_BYTES}, forces the file once and tells the broker loop.
     * No row holds changes from both sides of {@code snapshotTicket}: the journal is replayed a row at a time
     * after the snapshot's ticket, so such a row would apply the changes the snapshot covers twice.
     * The last change is a row of its own, a small one: H2 writes the leaf that holds it again when the next
     * commit appends a row after it (see {@link JournalRowType}), and a full row there would be written twice.
     * While a snapshot is written, the rows up to its ticket go to the journal map before the current one.
     *
     * @param snapshotTicket the ticket of the snapshot being written, or {@link #NO_SNAPSHOT}
     */
    private void append(WaitingChanges.Batch batch, long snapshotTicket) throws SQLException {
        long started = System.nanoTime();
        rowBytes.reset();
        Connection c = connection();
        MVMap<Long, byte[]> rows = JournalTables.journal(c, journalMap);
        MVMap<Long, byte[]> coveredRows = snapshotTicket == NO_SNAPSHOT ? rows
                : JournalTables.journal(c, journalMap - 1);
        long last = 0;
        int lastChange = batch.size() - 1;
        for (int i = 0; i <= lastChange; i++) {
            long ticket = batch.ticket(i);
            if (ticket <= skipThrough) {
                continue;
            }
            boolean crossesSnapshot = last <= snapshotTicket && ticket > snapshotTicket;
            // Only a row that holds something: one that filled up was appended under that ticket already.
            if (rowBytes.size() > 0 && (crossesSnapshot || i == lastChange)) {
                appendRow(last <= snapshotTicket ? coveredRows : rows, last);
            }
            encode(batch.entry(i), rowOut);
            last = ticket;
            if (rowBytes.size() >= ROW_BYTES) {
                appendRow(last <= snapshotTicket ? coveredRows : rows, last);
            }
        }
        if (rowBytes.size() > 0) {
            appendRow(last <= snapshotTicket ? coveredRows : rows, last);
        }
        if (last == 0) {
            return;
        }
        JournalTables.commitAndSync(c);
        writtenTicket = last;
        lastCommitNanos = System.nanoTime();
        tookToWrite(lastCommitNanos - started);
        commits.incrementAndGet();
        announce(last);
    }

    private void appendRow(MVMap<Long, byte[]> rows, long ticket) throws SQLException {
        JournalTables.append(rows, ticket, rowBytes.toByteArray());
        journalBytes += rowBytes.size();
        rowBytes.reset();
    }

    /**
     * While a snapshot is written: commits the changes waiting, once {@link #COMMIT_DURING_SNAPSHOT_NANOS} have
     * passed since the last commit, so that acknowledgements go on. A snapshot of a long offline queue takes a
     * large part of a second here and seconds on an SD card; every QoS 1/2 publisher would wait that long.
     */
    private void commitWaitingDuring(long snapshotTicket) throws SQLException {
        if (waiting.size() == 0 || System.nanoTime() - lastCommitNanos < COMMIT_DURING_SNAPSHOT_NANOS) {
            return;
        }
        waiting.takeInto(batchDuringSnapshot, MAX_BATCH_ENTRIES);
        try {
            append(batchDuringSnapshot, snapshotTicket);
        } finally {
            batchDuringSnapshot.clear();
        }
    }

    /**
     * Replaces the journal so far by a snapshot of the whole state, taken on the broker loop and written part by
     * part; returns the ticket it is durable up to, or -1 when the broker could not take one (stopped or stuck).
     *
     * @param commitMeanwhile whether changes recorded meanwhile are committed between its parts. Not while
     *                        recovering from a storage failure: the changes dropped then are only in the snapshot,
     *                        so nothing after them is durable before it is complete.
     */
    private long writeSnapshot(boolean commitMeanwhile) throws SQLException {
        CompletableFuture<Snapshot> taken = new CompletableFuture<>();
        try {
            loop.execute(() -> taken.complete(new Snapshot(lastTicket, source.snapshot())));
        } catch (RejectedExecutionException stopped) {
            return -1; // the broker has stopped: the journal as it is still holds everything
        }
        Snapshot snapshot;
        try {
            snapshot = taken.get(SNAPSHOT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.atWarn().log("no snapshot of the broker state in time; keeping the journal as it is");
            return -1;
        }
        long ticket = snapshot.ticket();
        journalMap++; // for the rows after the ticket; see append
        long journalBytesBefore = journalBytes;
        Connection c = connection();
        int generation = ++snapshotGeneration;
        partBytes.reset();
        int part = 0;
        long written = 0;
        for (JournalEntry entry : snapshot.entries()) {
            encode(entry, partOut);
            if (partBytes.size() >= ROW_BYTES) {
                written += writePart(c, generation, part++, ticket);
                if (commitMeanwhile) {
                    commitWaitingDuring(ticket);
                }
            }
        }
        written += writePart(c, generation, part, ticket);
        JournalTables.completeSnapshot(c, generation, ticket);
        c.commit();
        JournalTables.commitAndSync(c);
        skipThrough = ticket;
        writtenTicket = Math.max(writtenTicket, ticket);
        // What was committed meanwhile after the snapshot's ticket stays in the journal and counts towards the next.
        journalBytes -= journalBytesBefore;
        lastSnapshotBytes = written;
        JournalTables.removeJournalsBefore(c, journalMap);
        c.commit();
        while (JournalTables.pruneObsolete(c, generation, ticket, PRUNE_ROWS) > 0) {
            c.commit();
            if (commitMeanwhile) {
                commitWaitingDuring(NO_SNAPSHOT);
            }
        }
        log.atDebug().addKeyValue("ticket", ticket).addKeyValue("bytes", written)
                .log("broker state snapshot written");
        return ticket;
    }

    private long writePart(Connection c, int generation, int part, long ticket) throws SQLException {
        int size = partBytes.size();
        JournalTables.insertPart(c, generation, part, ticket, partBytes.toByteArray());
        if (part % PARTS_PER_SYNC == PARTS_PER_SYNC - 1) {
            c.commit();
            JournalTables.commitAndSync(c);
        }
        partBytes.reset();
        return size;
    }

    private record Snapshot(long ticket, List<JournalEntry> entries) {
    }

    /**
     * The bytes of the row being built, reused from row to row. Unlike ByteArrayOutputStream it takes no lock per
     * write: DataOutputStream writes a number a byte at a time, and the codec writes a few numbers per entry.
     */
    private static final class RowBuffer extends OutputStream {
        private static final int KEPT_CAPACITY = 2 * ROW_BYTES;
        private byte[] data = new byte[ROW_BYTES + 4096];
        private int size;

        @Override
        public void write(int b) {
            if (size == data.length) {
                grow(1);
            }
            data[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > data.length - size) {
                grow(len);
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        private void grow(int more) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, size + more));
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }

        /** Empties it, and lets go of the room one very large entry made it take. */
        void reset() {
            size = 0;
            if (data.length > KEPT_CAPACITY) {
                data = new byte[ROW_BYTES + 4096];
            }
        }
    }

    private static void encode(JournalEntry entry, DataOutputStream out) {
        try {
            JournalCodec.write(entry, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // writes to memory
        }
    }

    private void announce(long ticket) {
        try {
            loop.execute(new Durable(ticket));
        } catch (RejectedExecutionException stopped) {
            // the broker has stopped; nobody waits any more
        }
    }

    private void tookToWrite(long nanos) {
        writeNanos.addAndGet(nanos);
        if (nanos >= SLOW_WRITE_NANOS && slowWriteLog.due()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
            log.atWarn().addKeyValue("millis", millis).log("writing the broker's state to disk took {} ms, and "
                    + "acknowledgements of QoS 1/2 messages waited for it; is the disk slow or failing?", millis);
        }
    }

    private void fail(SQLException e) {
        failures.incrementAndGet();
        if (!failing) {
            failing = true;
            failureLog.reset();
        }
        if (failureLog.due()) {
            log.atError().addKeyValue("reason", e.getMessage())
                    .log("cannot store the broker's state; QoS 1/2 messages are refused until storage works again");
        }
        closeConnection();
    }

    private void recover() {
        try {
            long ticket = writeSnapshot(false);
            if (ticket >= 0) {
                failing = false;
                log.info("storage works again; the broker's state is stored and acknowledgements resume");
                announce(ticket);
            }
        } catch (SQLException e) {
            fail(e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being dropped because it failed; its own error was logged
            }
            connection = null;
        }
    }

    /** Writes what is still waiting, then stops; call after the broker has stopped, before the database closes. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
