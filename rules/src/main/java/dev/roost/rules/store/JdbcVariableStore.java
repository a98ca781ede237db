package dev.roost.rules.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.rules.engine.VariableStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Rule variables in the {@code rule_variables} table, each value as JSON; a value JSON cannot hold (such as
 * a time) is kept as its text.
 *
 * <p>Thread-safe: every call takes its own connection from the data source.
 */
public final class JdbcVariableStore implements VariableStore {

    /** A variable is a rule's small memory; a payload copied into one is cut off here rather than stored whole. */
    public static final int MAX_VALUE_CHARS = 16_384;

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcVariableStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, Object> load(String ruleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name, value_json FROM rule_variables WHERE rule_id = ? ORDER BY name")) {
            select.setString(1, ruleId);
            Map<String, Object> variables = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    variables.put(rows.getString("name"), json.readValue(rows.getString("value_json"), Object.class));
                }
            }
            return variables;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the variables of rule " + ruleId, e);
        }
    }

    @Override
    public void save(String ruleId, String name, Object value) {
        String valueJson = toJson(value);
        if (valueJson.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("variable " + name + " would be " + valueJson.length()
                    + " characters as JSON; the limit is " + MAX_VALUE_CHARS);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement merge = connection.prepareStatement(
                     "MERGE INTO rule_variables (rule_id, name, value_json) KEY (rule_id, name) VALUES (?, ?, ?)")) {
            merge.setString(1, ruleId);
            merge.setString(2, name);
            merge.setString(3, valueJson);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot save variable " + name + " of rule " + ruleId, e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException notJson) {
            try {
                return json.writeValueAsString(String.valueOf(value));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("a string always serialises", impossible);
            }
        }
    }
}
