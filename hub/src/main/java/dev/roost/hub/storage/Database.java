package dev.roost.hub.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The hub's one H2 file database ({@code DATA/roost.mv.db}). Each module owns its tables as Flyway scripts under
 * {@code db/<module>} on the class path, with its own history table, and they are migrated here at start.
 *
 * <p>Thread-safe: the pool hands each caller its own connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String FILE_NAME = "roost";
    /** A few phones, the rules engine and the broker; more connections only cost memory on a Pi. */
    private static final int MAX_CONNECTIONS = 8;
    /** H2's page cache in KiB: 4 MiB of a 64 MiB heap. */
    private static final int CACHE_KIB = 4096;
    /**
     * WRITE_DELAY=0: H2 writes a transaction's changes when it commits, on the committing thread. By default its
     * background writer gathers them and hands each write to two helper threads (serialise, save); for the
     * broker's group commits, hundreds a second on a busy hub, those hand-offs cost about a fifth of the broker's
     * CPU time in stored fan-in. Without that writer nothing compacts the file in the background, so
     * {@link #compact} does, once a minute.
     */
    private static final String SETTINGS =
            ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4;WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KIB;
    private static final long UPKEEP_EVERY_MINUTES = 1;
    /** H2's background writer's target when the database is quiet, and its default. */
    private static final int COMPACT_BELOW_PERCENT_LIVE = 90;
    /** Live data moved per compaction, at most, as H2's background writer moved per round. */
    private static final int COMPACT_BYTES = 1024 * 1024;

    private final JdbcConnectionPool pool;
    private final Path file;
    private final ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "roost-db-upkeep");
        thread.setDaemon(true);
        return thread;
    });
    private boolean upkeepFailing;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and migrates the schemas of {@code modules}
     * in order, e.g. {@code List.of("hub", "rules")}.
     *
     * @throws StorageException naming the file and the reason when it is locked, corrupt, read-only or full
     */
    public static Database open(Path dataDir, List<String> modules) {
        Path base = dataDir.toAbsolutePath().resolve(FILE_NAME);
        Path file = base.resolveSibling(FILE_NAME + ".mv.db");
        // DB_CLOSE_ON_EXIT=FALSE: the hub closes it after the broker has stopped, not a JVM shutdown hook.
        // TRACE_LEVEL_FILE=4: H2's own errors go to the hub's log (SLF4J) instead of a trace file beside it.
        String url = "jdbc:h2:file:" + base + SETTINGS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "roost", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database database = new Database(pool, file);
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            }
            for (String module : modules) {
                database.migrate(module);
            }
            database.upkeep.scheduleWithFixedDelay(database::compact, UPKEEP_EVERY_MINUTES, UPKEEP_EVERY_MINUTES,
                    TimeUnit.MINUTES);
            return database;
        } catch (SQLException e) {
            pool.dispose();
            throw new StorageException(file + ": " + reason(e, file), e);
        } catch (FlywayException e) {
            database.close();
            throw new StorageException(file + ": schema migration failed: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Path file() {
        return file;
    }

    private void migrate(String module) {
        var result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/" + module)
                .table("flyway_history_" + module)
                // Modules share one schema: another module's tables are not a reason to refuse, and version 0
                // as the baseline lets every module's V1 run.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .loggers("slf4j")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.atInfo().addKeyValue("module", module).addKeyValue("version", result.targetSchemaVersion)
                    .log("database schema migrated");
        }
    }

    private static String reason(SQLException e, Path file) {
        String detail = rootMessage(e);
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "in use by another process (is Roost already running?)";
            case ErrorCode.FILE_CORRUPTED_1 -> CORRUPT + detail;
            case ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CREATION_FAILED_1 ->
                    Files.isWritable(file.getParent()) ? "cannot write the file" : "the data folder is not writable";
            // H2 reports a file it cannot parse as a failed read of an existing file.
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> unreadable(e) && Files.isRegularFile(file)
                    ? CORRUPT + detail : "cannot read or write it (disk full or no permission?): " + detail;
            default -> detail;
        };
    }

    private static final String CORRUPT =
            "the file is corrupt or not a Roost database; restore a backup or move it away to start afresh: ";
    /** MVStore's codes for a read that failed and for a damaged file. */
    private static final int MVSTORE_READING_FAILED = 1;
    private static final int MVSTORE_FILE_CORRUPT = 6;

    private static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store) {
                return store.getErrorCode() == MVSTORE_READING_FAILED || store.getErrorCode() == MVSTORE_FILE_CORRUPT;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Rewrites what is still live in sparsely used parts of the file into new ones, up to 1 MiB at a time, when
     * less than 90 % of the parts' space is live, so the space of deleted and replaced rows is reused and the file
     * does not keep growing (a day of history for ten sensors: 3.9 MB with it, 19.7 MB without). Called once a
     * minute; a failure (disk full, say) is logged when it starts and when it ends, as the next minute tries again.
     */
    public void compact() {
        try (Connection c = pool.getConnection()) {
            MVStore store = H2Storage.of(c);
            if (store.compact(COMPACT_BELOW_PERCENT_LIVE, COMPACT_BYTES)) {
                store.commit();
            }
            if (upkeepFailing) {
                upkeepFailing = false;
                log.atInfo().addKeyValue("file", file).log("database upkeep works again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!upkeepFailing) {
                upkeepFailing = true;
                log.atWarn().addKeyValue("file", file).addKeyValue("reason", rootMessage(e))
                        .log("database upkeep failed; retrying every minute");
            }
        }
    }

    /**
     * Flushes and closes the file: H2 closes a database when its last connection closes, which disposing the
     * pool does. Further use of {@link #dataSource()} fails.
     */
    @Override
    public void close() {
        upkeep.shutdownNow();
        try {
            upkeep.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.dispose();
    }
}
