package dev.roost.hub.broker.persistence;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL of the journal: reading the stored state at start, appending a group of changes, replacing the
 * snapshot. Stateless; the caller owns the connection and its transaction.
 */
final class JournalTables {

    private JournalTables() {
    }

    /** Replays the snapshot, then every journal row after it. */
    static StoredState load(Connection connection) throws SQLException, IOException {
        StateReplay replay = new StateReplay();
        long ticket = 0;
        try (Statement statement = connection.createStatement();
             ResultSet parts = statement.executeQuery("SELECT ticket, data FROM mqtt_snapshot ORDER BY part")) {
            while (parts.next()) {
                ticket = parts.getLong(1);
                replayAll(parts.getBytes(2), replay);
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

    static void append(Connection connection, long ticket, byte[] entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mqtt_journal (ticket, entries) VALUES (?, ?)")) {
            insert.setLong(1, ticket);
            insert.setBytes(2, entries);
            insert.executeUpdate();
        }
    }

    /** Stores the parts as the new snapshot as of {@code ticket} and drops the journal rows it includes. */
    static void replaceSnapshot(Connection connection, long ticket, List<byte[]> parts) throws SQLException {
        try (Statement statement = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO mqtt_snapshot (part, ticket, data) VALUES (?, ?, ?)");
             PreparedStatement prune = connection.prepareStatement("DELETE FROM mqtt_journal WHERE ticket <= ?")) {
            statement.executeUpdate("DELETE FROM mqtt_snapshot");
            for (int i = 0; i < parts.size(); i++) {
                insert.setInt(1, i);
                insert.setLong(2, ticket);
                insert.setBytes(3, parts.get(i));
                insert.executeUpdate();
            }
            prune.setLong(1, ticket);
            prune.executeUpdate();
        }
    }

    /** Commits and forces the file to the disk, so a power cut cannot take back what was committed. */
    static void commitDurably(Connection connection) throws SQLException {
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
