package dev.roost.hub.broker.persistence;

import dev.roost.hub.storage.H2Storage;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.LongDataType;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The journal's storage in the hub's H2 file: reading the stored state at start, appending a group of changes,
 * replacing the snapshot. Stateless; the caller owns the connection and its transaction.
 *
 * <p>Group commits go to maps of H2's storage engine (MVStore) in the same file, keyed by ticket, not through
 * SQL: H2's SQL layer and its transaction log took a fifth of the broker's CPU time in stored fan-in, for rows
 * that only ever are appended, replayed in order and deleted. Each snapshot starts a new map for the rows after
 * its ticket, so the rows it covers go all at once, with their map: deleting them a row at a time read every one
 * back from the file first. The snapshot stays in SQL ({@code mqtt_snapshot}), and so do journal rows that an
 * older version left in {@code mqtt_journal}: they are replayed first.
 */
final class JournalTables {

    private JournalTables() {
    }

    /**
     * The MVStore maps of journal rows: number 0 has this name, the next ones a suffix (".1", ".2"...). Tickets
     * grow from map to map. H2 leaves maps of other names alone.
     */
    private static final String JOURNAL_MAP = "roost.mqtt_journal";

    /** The part number of a snapshot's completion marker. */
    private static final int MARKER = -1;

    /** Replays the current snapshot, then every journal row after it. */
    static StoredState load(Connection connection) throws SQLException, IOException {
        StateReplay replay = new StateReplay();
        long ticket = 0;
        int generation = currentGeneration(connection);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ticket, data FROM mqtt_snapshot WHERE generation = ? AND part >= 0 ORDER BY part")) {
            statement.setInt(1, generation);
            try (ResultSet parts = statement.executeQuery()) {
                while (parts.next()) {
                    ticket = parts.getLong(1);
                    replayAll(parts.getBytes(2), replay);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ticket, entries FROM mqtt_journal WHERE ticket > ? ORDER BY ticket")) {
            statement.setLong(1, ticket);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ticket = rows.getLong(1);
                    replayAll(rows.getBytes(2), replay);
                }
            }
        }
        long after = ticket;
        for (int number : journalNumbers(connection)) {
            Cursor<Long, byte[]> rows = storing(journal(connection, number), journal -> journal.cursor(after + 1));
            while (storing(rows, Cursor::hasNext)) {
                ticket = rows.next();
                replayAll(rows.getValue(), replay);
            }
        }
        return replay.result(ticket);
    }

    private static void replayAll(byte[] bytes, StateReplay replay) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        for (JournalEntry entry = JournalCodec.read(in); entry != null; entry = JournalCodec.read(in)) {
            replay.apply(entry);
        }
    }

    /** The newest complete snapshot's generation, 0 when there is none. */
    static int currentGeneration(Connection connection) throws SQLException {
        return queryInt(connection, "SELECT COALESCE(MAX(generation), 0) FROM mqtt_snapshot WHERE part = " + MARKER);
    }

    /** The highest generation in the table, complete or cut short: a new snapshot takes the next one. */
    static int highestGeneration(Connection connection) throws SQLException {
        return queryInt(connection, "SELECT COALESCE(MAX(generation), 0) FROM mqtt_snapshot");
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Journal map {@code number}, created when missing: its rows, keyed by the ticket of the last change in each.
     * Writes to it are not part of any SQL transaction: a row is durable once {@link #commitAndSync} returns.
     * Reached through the connection on every use, so a connection that fails makes the journal fail too.
     */
    static MVMap<Long, byte[]> journal(Connection connection, int number) throws SQLException {
        String name = number == 0 ? JOURNAL_MAP : JOURNAL_MAP + "." + number;
        return storing(H2Storage.of(connection), store -> store.openMap(name, new MVMap.Builder<Long, byte[]>()
                .keyType(LongDataType.INSTANCE).valueType(JournalRowType.INSTANCE)));
    }

    /** The numbers of the journal maps there are, in order. */
    static List<Integer> journalNumbers(Connection connection) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        for (String name : storing(H2Storage.of(connection), MVStore::getMapNames)) {
            if (name.equals(JOURNAL_MAP)) {
                numbers.add(0);
            } else if (name.startsWith(JOURNAL_MAP + ".")) {
                try {
                    numbers.add(Integer.parseInt(name.substring(JOURNAL_MAP.length() + 1)));
                } catch (NumberFormatException notOurs) {
                    // not a name this class gives
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /**
     * Drops the journal maps numbered below {@code number}, rows and all. H2 reads none of their rows to do it:
     * it only counts the space they took as free.
     */
    static void removeJournalsBefore(Connection connection, int number) throws SQLException {
        for (int older : journalNumbers(connection)) {
            if (older < number) {
                MVMap<Long, byte[]> journal = journal(connection, older);
                storing(H2Storage.of(connection), store -> {
                    store.removeMap(journal);
                    return null;
                });
            }
        }
    }

    static void append(MVMap<Long, byte[]> journal, long ticket, byte[] entries) throws SQLException {
        // Not through storing: the quick JIT compiler makes a lambda that captures values by a slow call into the JVM.
        try {
            journal.put(ticket, entries);
        } catch (MVStoreException e) {
            throw asSql(e);
        }
    }

    /**
     * Writes what is in memory (the journal rows, and whatever SQL transactions committed) and forces it to the
     * disk, so a power cut cannot take it back. Unlike {@code CHECKPOINT SYNC} it does not first try to compact
     * the file: the database's upkeep does that once a minute.
     */
    static void commitAndSync(Connection connection) throws SQLException {
        storing(H2Storage.of(connection), store -> {
            store.commit();
            store.sync();
            return null;
        });
    }

    /** Runs {@code call} on {@code target}, reporting the storage engine's failures as SQL's, like the rest. */
    private static <T, R> R storing(T target, Function<T, R> call) throws SQLException {
        try {
            return call.apply(target);
        } catch (MVStoreException e) {
            throw asSql(e);
        }
    }

    private static SQLException asSql(MVStoreException e) {
        return new SQLException(e.getMessage(), e);
    }

    /** Stores one part of a snapshot being written; it counts only once {@link #completeSnapshot} commits. */
    static void insertPart(Connection connection, int generation, int part, long ticket, byte[] data)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mqtt_snapshot (generation, part, ticket, data) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, generation);
            insert.setInt(2, part);
            insert.setLong(3, ticket);
            insert.setBytes(4, data);
            insert.executeUpdate();
        }
    }

    /** Makes {@code generation} the current snapshot, as of {@code ticket}, by marking it complete. */
    static void completeSnapshot(Connection connection, int generation, long ticket) throws SQLException {
        insertPart(connection, generation, MARKER, ticket, new byte[0]);
    }

    /**
     * Deletes up to {@code rows} rows of each kind that the current snapshot (generation, as of ticket) made
     * obsolete: older snapshots, parts of any cut short, and journal rows an older version wrote to
     * {@code mqtt_journal}. Returns how many it deleted. Few at a time, because H2 keeps what a transaction
     * deletes in its undo log until the commit. The conditions are ranges of the primary keys, so H2 reads only
     * the rows it deletes (an IN over a subquery made it scan the table and cost the journal writer more than the
     * journal itself).
     */
    static int pruneObsolete(Connection connection, int generation, long ticket, int rows) throws SQLException {
        try (PreparedStatement journal = connection.prepareStatement(
                "DELETE FROM mqtt_journal WHERE ticket <= ? FETCH FIRST ? ROWS ONLY");
             PreparedStatement snapshots = connection.prepareStatement(
                     "DELETE FROM mqtt_snapshot WHERE generation < ? FETCH FIRST ? ROWS ONLY")) {
            journal.setLong(1, ticket);
            journal.setInt(2, rows);
            int deleted = journal.executeUpdate();
            // Every other generation is lower: a new snapshot takes the highest one there is, plus one.
            snapshots.setInt(1, generation);
            snapshots.setInt(2, rows);
            return deleted + snapshots.executeUpdate();
        }
    }
}
