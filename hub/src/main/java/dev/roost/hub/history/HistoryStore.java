package dev.roost.hub.history;

import dev.roost.hub.history.SeriesRegistry.Series;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;

/**
 * The tables {@code history_series}, {@code history_raw} and {@code history_bucket}: series, their readings of
 * about the last day, and five-minute buckets of every reading for the retention period. Every query of readings
 * is a range of one series' packed keys ({@link SeriesKey}).
 *
 * <p>Thread-safe: every call uses its own connection. Written by the recorder's thread alone.
 */
final class HistoryStore {

    /** The width of a stored bucket. */
    static final long BUCKET_SECONDS = 300;

    /** One reading to store. */
    record Reading(int series, long second, double value) {
    }

    /** Receives rows in key order: a reading has one sample, with {@code low == mean == high}. */
    @FunctionalInterface
    interface Rows {
        void row(long second, double mean, double low, double high, int samples);
    }

    private final DataSource db;

    HistoryStore(DataSource db) {
        this.db = db;
    }

    /** Every series with its latest reading (from the raw readings, else from its last bucket). */
    List<Series> loadSeries() {
        List<Series> series = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, topic, field FROM history_series ORDER BY id");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Series known = new Series(rows.getInt(1), rows.getString(2), rows.getString(3), Long.MIN_VALUE, 0);
                series.add(withLatest(c, known));
            }
            return series;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history's series", e);
        }
    }

    private static Series withLatest(Connection c, Series series) throws SQLException {
        for (String sql : List.of("SELECT id, reading FROM history_raw WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1",
                "SELECT id, mean FROM history_bucket WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, SeriesKey.first(series.id()));
                s.setLong(2, SeriesKey.first(series.id() + 1));
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next()) {
                        return series.withLast(SeriesKey.second(rows.getLong(1)), rows.getDouble(2));
                    }
                }
            }
        }
        return series;
    }

    Series addSeries(String topic, String field) {
        String sql = "INSERT INTO history_series (topic, field) VALUES (?, ?)";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, topic);
            s.setString(2, field);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Series(keys.getInt(1), topic, field, Long.MIN_VALUE, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the series " + field + " of " + topic, e);
        }
    }

    /** Stores readings in one transaction; a second reading of a series in the same second replaces the first. */
    void append(List<Reading> readings) {
        inTransaction("could not store " + readings.size() + " readings", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO history_raw (id, reading) KEY (id) VALUES (?, ?)")) {
                for (Reading reading : readings) {
                    s.setLong(1, SeriesKey.of(reading.series(), reading.second()));
                    s.setDouble(2, reading.value());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * Computes the buckets of every series from its readings in {@code [from, to)}, both multiples of
     * {@link #BUCKET_SECONDS}; a bucket computed before is replaced, so rolling up a range twice does no harm.
     */
    void rollUp(List<Series> series, long from, long to) {
        String sql = "MERGE INTO history_bucket (id, low, mean, high, samples) KEY (id) "
                + "SELECT ? + (id - ?) / " + BUCKET_SECONDS + " * " + BUCKET_SECONDS + " AS bucket, "
                + "MIN(reading), AVG(reading), MAX(reading), COUNT(*) FROM history_raw WHERE id >= ? AND id < ? "
                + "GROUP BY bucket";
        inTransaction("could not roll up readings into buckets", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Series one : series) {
                    long first = SeriesKey.first(one.id());
                    s.setLong(1, first);
                    s.setLong(2, first);
                    s.setLong(3, SeriesKey.of(one.id(), from));
                    s.setLong(4, SeriesKey.of(one.id(), to));
                    s.executeUpdate();
                }
            }
        });
    }

    /** Deletes readings before {@code rawBefore} and buckets before {@code bucketsBefore} (epoch seconds). */
    void purge(List<Series> series, long rawBefore, long bucketsBefore) {
        inTransaction("could not purge old history", c -> {
            try (PreparedStatement raw = c.prepareStatement("DELETE FROM history_raw WHERE id >= ? AND id < ?");
                 PreparedStatement buckets = c.prepareStatement("DELETE FROM history_bucket WHERE id >= ? AND id < ?")) {
                for (Series one : series) {
                    deleteBefore(raw, one, rawBefore);
                    deleteBefore(buckets, one, bucketsBefore);
                }
            }
        });
    }

    private static void deleteBefore(PreparedStatement delete, Series series, long second) throws SQLException {
        delete.setLong(1, SeriesKey.first(series.id()));
        delete.setLong(2, SeriesKey.of(series.id(), second));
        delete.executeUpdate();
    }

    /** Removes a series that has neither readings nor buckets left; false when it has some. */
    boolean removeIfEmpty(Series series) {
        String sql = "DELETE FROM history_series WHERE id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM history_raw WHERE id >= ? AND id < ?) "
                + "AND NOT EXISTS (SELECT 1 FROM history_bucket WHERE id >= ? AND id < ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, series.id());
            for (int i = 2; i <= 4; i += 2) {
                s.setLong(i, SeriesKey.first(series.id()));
                s.setLong(i + 1, SeriesKey.first(series.id() + 1));
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the empty series " + series.id(), e);
        }
    }

    /** The earliest second of any stored reading, or empty when there is none. */
    OptionalLong oldestReading(List<Series> series) {
        return extreme(series, "SELECT id FROM history_raw WHERE id >= ? AND id < ? ORDER BY id LIMIT 1", Math::min);
    }

    /** The start of the newest bucket of any series, or empty when there is none. */
    OptionalLong newestBucket(List<Series> series) {
        return extreme(series, "SELECT id FROM history_bucket WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1",
                Math::max);
    }

    /** The second of the row {@code sql} finds first for each series, combined over all series. */
    private OptionalLong extreme(List<Series> series, String sql, LongBinaryOperator combine) {
        OptionalLong found = OptionalLong.empty();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Series one : series) {
                s.setLong(1, SeriesKey.first(one.id()));
                s.setLong(2, SeriesKey.first(one.id() + 1));
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next()) {
                        long second = SeriesKey.second(rows.getLong(1));
                        found = OptionalLong.of(found.isEmpty() ? second : combine.applyAsLong(found.getAsLong(), second));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not find where the history's upkeep stopped", e);
        }
    }

    /** The readings of a series in {@code [from, to)}, oldest first. */
    void readRaw(int series, long from, long to, Rows rows) {
        read("SELECT id, reading, reading, reading, 1 FROM history_raw WHERE id >= ? AND id < ? ORDER BY id",
                series, from, to, rows);
    }

    /** The buckets of a series that start in {@code [from, to)}, oldest first. */
    void readBuckets(int series, long from, long to, Rows rows) {
        read("SELECT id, mean, low, high, samples FROM history_bucket WHERE id >= ? AND id < ? ORDER BY id",
                series, from, to, rows);
    }

    private void read(String sql, int series, long from, long to, Rows rows) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, SeriesKey.of(series, from));
            s.setLong(2, SeriesKey.of(series, to));
            try (ResultSet found = s.executeQuery()) {
                while (found.next()) {
                    rows.row(SeriesKey.second(found.getLong(1)), found.getDouble(2), found.getDouble(3),
                            found.getDouble(4), found.getInt(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of series " + series, e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String failure, Work work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }
}
