package dev.roost.hub.storage;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's storage engine (MVStore) under a connection to the hub's database, for what SQL does not offer: maps of
 * the hub's own beside the tables, and committing or compacting without H2's background writer. H2's internal
 * API, kept to this one place.
 */
public final class H2Storage {

    private H2Storage() {
    }

    /** The store of the database {@code connection} is open on; the hub's database is always embedded. */
    public static MVStore of(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            throw new SQLException("expected the hub's own (embedded) H2 database");
        }
        return local.getDatabase().getStore().getMvStore();
    }
}
