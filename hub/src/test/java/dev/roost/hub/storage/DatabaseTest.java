package dev.roost.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
}
