package dev.roost.hub.acl;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code acl_rules} table. Thread-safe: every call uses its own connection. */
public final class AclStore {

    private final DataSource db;

    public AclStore(DataSource db) {
        this.db = db;
    }

    /** Every subject's rules. */
    public Map<String, AclRules> loadAll() {
        Map<String, List<String>> publish = new HashMap<>();
        Map<String, List<String>> subscribe = new HashMap<>();
        String sql = "SELECT subject, action, topic_filter FROM acl_rules ORDER BY subject, action, topic_filter";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Map<String, List<String>> target = rows.getString(2).equals("publish") ? publish : subscribe;
                target.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the topic permissions", e);
        }
        Map<String, AclRules> all = new HashMap<>();
        for (String subject : union(publish, subscribe)) {
            all.put(subject, new AclRules(publish.getOrDefault(subject, List.of()),
                    subscribe.getOrDefault(subject, List.of())));
        }
        return all;
    }

    /** Replaces a subject's rules in one transaction; empty rules remove the subject's own rules. */
    public void replace(String subject, AclRules rules) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM acl_rules WHERE subject = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO acl_rules (subject, action, topic_filter) VALUES (?, ?, ?)")) {
                delete.setString(1, subject);
                delete.executeUpdate();
                add(insert, subject, "publish", rules.publish());
                add(insert, subject, "subscribe", rules.subscribe());
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the topic permissions of " + subject, e);
        }
    }

    private static void add(PreparedStatement insert, String subject, String action, List<String> filters)
            throws SQLException {
        for (String filter : filters.stream().distinct().toList()) {
            insert.setString(1, subject);
            insert.setString(2, action);
            insert.setString(3, filter);
            insert.addBatch();
        }
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
