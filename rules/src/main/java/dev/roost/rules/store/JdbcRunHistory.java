package dev.roost.rules.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roost.rules.engine.RunOutcome;
import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.RunRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The run history in the {@code rule_runs} table, bounded by a {@link Retention}: each new run of a rule
 * drops that rule's runs beyond the count, and runs older than the maximum age are dropped as time goes by.
 *
 * <p>Thread-safe: every call takes its own connection from the data source.
 */
public final class JdbcRunHistory implements RunRecorder {

    /** Age pruning scans the whole table, so it runs once every this many records rather than every time. */
    private static final int AGE_PRUNE_EVERY = 100;

    private final DataSource dataSource;
    private final Retention retention;
    private final Clock clock;
    private final StepsJson stepsJson = new StepsJson();
    private final AtomicInteger recordsSinceAgePrune = new AtomicInteger(AGE_PRUNE_EVERY);

    public JdbcRunHistory(DataSource dataSource, Retention retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void record(RunRecord run) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, run);
            pruneByCount(connection, run.ruleId());
            if (recordsSinceAgePrune.incrementAndGet() >= AGE_PRUNE_EVERY) {
                recordsSinceAgePrune.set(0);
                pruneByAge(connection);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record a run of rule " + run.ruleId(), e);
        }
    }

    /** The most recent runs of a rule, newest first, at most {@code limit}. */
    public List<RunRecord> recent(String ruleId, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT rule_id, started_at, trigger_text, topic, payload_excerpt, condition_result, outcome,
                            error, steps_json
                     FROM rule_runs WHERE rule_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")) {
            select.setString(1, ruleId);
            select.setInt(2, limit);
            List<RunRecord> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows));
                }
            }
            return runs;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the runs of rule " + ruleId, e);
        }
    }

    private void insert(Connection connection, RunRecord run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rule_runs (rule_id, started_at, trigger_text, topic, payload_excerpt, condition_result,
                                       outcome, error, steps_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, run.ruleId());
            insert.setObject(2, OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
            insert.setString(3, cut(run.trigger(), 500));
            insert.setString(4, cut(run.topic(), 1000));
            insert.setString(5, cut(run.payloadExcerpt(), 1000));
            if (run.conditionResult() == null) {
                insert.setNull(6, Types.BOOLEAN);
            } else {
                insert.setBoolean(6, run.conditionResult());
            }
            insert.setString(7, run.outcome().name());
            insert.setString(8, cut(run.error(), 4000));
            insert.setString(9, stepsJson.write(run.steps()));
            insert.executeUpdate();
        }
    }

    private void pruneByCount(Connection connection, String ruleId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM rule_runs WHERE rule_id = ? AND id <= (
                    SELECT id FROM rule_runs WHERE rule_id = ? ORDER BY id DESC
                    OFFSET ? ROWS FETCH NEXT 1 ROW ONLY)""")) {
            delete.setString(1, ruleId);
            delete.setString(2, ruleId);
            delete.setInt(3, retention.runsPerRule());
            delete.executeUpdate();
        }
    }

    private void pruneByAge(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rule_runs WHERE started_at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(retention.maxAge()), ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }

    private RunRecord read(ResultSet row) throws SQLException, JsonProcessingException {
        boolean condition = row.getBoolean("condition_result");
        Boolean conditionResult = row.wasNull() ? null : condition;
        return new RunRecord(
                row.getString("rule_id"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                row.getString("trigger_text"),
                row.getString("topic"),
                row.getString("payload_excerpt"),
                conditionResult,
                RunOutcome.valueOf(row.getString("outcome")),
                row.getString("error"),
                stepsJson.read(row.getString("steps_json")));
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
