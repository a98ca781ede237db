package dev.roost.hub.broker.persistence;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of the journal: reading the stored state at start, appending a group of changes, replacing the
 * snapshot. Stateless; the caller owns the connection and its transaction.
 */
final class JournalTables {

    private JournalTables() {
    }

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

    static void append(Connection connection, long ticket, byte[] entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mqtt_journal (ticket, entries) VALUES (?, ?)")) {
            insert.setLong(1, ticket);
            insert.setBytes(2, entries);
            insert.executeUpdate();
        }
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
     * Deletes up to {@code rows} rows that the current snapshot (generation, as of ticket) made obsolete: older
     * snapshots, parts of any cut short, journal rows it includes. Returns how many it deleted. Few at a time,
     * because H2 keeps what a transaction deletes in its undo log until the commit. The conditions are ranges of
     * the primary keys, so H2 reads only the rows it deletes (an IN over a subquery made it scan the table and
     * cost the journal writer more than the journal itself).
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

    /** Forces what was committed to the disk, so a power cut cannot take it back. */
    static void sync(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
