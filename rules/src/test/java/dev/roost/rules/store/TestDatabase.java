package dev.roost.rules.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database in a folder, migrated the way the hub migrates the rules schema (location
 * {@code db/rules}, history table {@code flyway_history_rules}). Opening the same folder again is a restart.
 */
public final class TestDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    /** Keeps the database open between calls, as the hub's pool does, instead of reopening the file each time. */
    private final Connection keepOpen;

    private TestDatabase(Path folder) throws SQLException {
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("roost").toAbsolutePath());
        dataSource.setUser("sa");
        dataSource.setPassword("");
        keepOpen = dataSource.getConnection();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/rules")
                .table("flyway_history_rules")
                .load()
                .migrate();
    }

    /** Opens (creating if needed) the database in {@code folder} and brings its schema up to date. */
    public static TestDatabase open(Path folder) throws SQLException {
        return new TestDatabase(folder);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (var statement = keepOpen.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            keepOpen.close();
        }
    }
}
