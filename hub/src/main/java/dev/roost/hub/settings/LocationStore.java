package dev.roost.hub.settings;

import dev.roost.rules.trigger.Location;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code hub_location} table: the location saved on the settings screen. Thread-safe: own connection per call. */
public final class LocationStore {

    private final DataSource db;

    public LocationStore(DataSource db) {
        this.db = db;
    }

    /** The saved location, or empty when none was saved. */
    public Optional<Location> load() {
        String sql = "SELECT latitude, longitude, time_zone FROM hub_location WHERE id = 1";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Location(rows.getDouble(1), rows.getDouble(2), ZoneId.of(rows.getString(3))));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the saved location", e);
        }
    }

    public void save(Location location) {
        String sql = "MERGE INTO hub_location (id, latitude, longitude, time_zone, changed_at) KEY (id) "
                + "VALUES (1, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, location.latitude());
            s.setDouble(2, location.longitude());
            s.setString(3, location.zone().getId());
            s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the location", e);
        }
    }
}
