package dev.roost.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the hub's H2 file: migrations, and the errors a person can act on. */
class DatabaseTest {

    @TempDir
    Path data;

    @Test
    void firstOpenCreatesTheFileAndMigratesEachModuleOnce() throws Exception {
        try (Database db = Database.open(data, List.of("hub"))) {
            assertThat(db.file()).exists().hasFileName("roost.mv.db");
        }
        try (Database db = Database.open(data, List.of("hub"));
             Connection c = db.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT \"version\" FROM \"flyway_history_hub\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6");
        }
    }

    @Test
    void aCorruptFileIsReportedWithItsNameInsteadOfAStackTrace() throws Exception {
        Files.writeString(data.resolve("roost.mv.db"), "this is not an H2 database ".repeat(200),
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Database.open(data, List.of("hub")))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith(data.toAbsolutePath().resolve("roost.mv.db") + ": ")
                .hasMessageContaining("corrupt");
    }

    /**
     * Rows written one transaction at a time and mostly deleted again, as history and the broker's journal do:
     * without upkeep 38 % of what the file's parts hold stays live, with it 73 % (measured).
     */
    @Test
    void upkeepKeepsMostOfTheFileLive() throws Exception {
        try (Database db = Database.open(data, List.of("hub"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET RETENTION_TIME 0"); // by default H2 leaves parts written in the last 45 s alone
            s.execute("CREATE TABLE scratch (id INT PRIMARY KEY, data VARBINARY)");
            int next = 0;
            for (int round = 0; round < 20; round++) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO scratch VALUES (?, ?)")) {
                    for (int row = 0; row < 500; row++) {
                        insert.setInt(1, next++);
                        insert.setBytes(2, new byte[1024]);
                        insert.executeUpdate();
                    }
                }
                s.executeUpdate("DELETE FROM scratch WHERE MOD(id, 10) <> 0 AND id >= " + (next - 500));
                db.compact();
            }

            assertThat(chunksFillRate(c)).isGreaterThanOrEqualTo(60);
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM scratch")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1_000);
            }
        }
    }

    private static int chunksFillRate(Connection c) throws SQLException {
        return H2Storage.of(c).getFileStore().getChunksFillRate();
    }
}
