package dev.roost.rules.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rules table: rule documents by id. The schema is {@code db/rules/V1__rules.sql}, migrated by the hub.
 *
 * <p>Thread-safe: every call takes its own connection from the data source.
 */
public final class RuleStore {

    private final DataSource dataSource;

    public RuleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every rule, ordered by id. */
    public List<StoredRule> findAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, document, enabled, updated_at FROM rules ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            List<StoredRule> rules = new ArrayList<>();
            while (rows.next()) {
                rules.add(read(rows));
            }
            return rules;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rules", e);
        }
    }

    /** The rule with this id, if there is one. */
    public Optional<StoredRule> find(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, document, enabled, updated_at FROM rules WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read rule " + id, e);
        }
    }

    /** Inserts the rule or replaces the one with the same id. */
    public void save(StoredRule rule) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement merge = connection.prepareStatement(
                     "MERGE INTO rules (id, document, enabled, updated_at) KEY (id) VALUES (?, ?, ?, ?)")) {
            merge.setString(1, rule.id());
            merge.setString(2, rule.document());
            merge.setBoolean(3, rule.enabled());
            merge.setObject(4, OffsetDateTime.ofInstant(rule.updatedAt(), ZoneOffset.UTC));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot save rule " + rule.id(), e);
        }
    }

    /** Deletes the rule with its variables and run history; returns whether there was such a rule. */
    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int deleted = update(connection, "DELETE FROM rules WHERE id = ?", id);
                update(connection, "DELETE FROM rule_variables WHERE rule_id = ?", id);
                update(connection, "DELETE FROM rule_runs WHERE rule_id = ?", id);
                connection.commit();
                return deleted > 0;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete rule " + id, e);
        }
    }

    private static int update(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            return statement.executeUpdate();
        }
    }

    private static StoredRule read(ResultSet row) throws SQLException {
        Instant updated = row.getObject("updated_at", OffsetDateTime.class).toInstant();
        return new StoredRule(row.getString("id"), row.getString("document"), row.getBoolean("enabled"), updated);
    }
}
