package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and writes rows of the {@code repositories} table. */
final class RepositoryRows {

    static final String SELECT = "SELECT url, serial, etag, last_modified, fetched_at, expires_at"
            + " FROM repositories";

    private RepositoryRows() {
    }

    static void upsert(Connection conn, RepositoryState s) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO repositories"
                + " (url, serial, etag, last_modified, fetched_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                + " serial = excluded.serial, etag = excluded.etag,"
                + " last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,"
                + " expires_at = excluded.expires_at")) {
            st.setString(1, s.url());
            st.setLong(2, s.serial());
            st.setString(3, s.etag());
            st.setString(4, s.lastModified());
            Times.set(st, 5, s.fetchedAt());
            Times.set(st, 6, s.expiresAt());
            st.executeUpdate();
        }
    }

    static RepositoryState read(ResultSet rs) throws SQLException {
        return new RepositoryState(rs.getString("url"), rs.getLong("serial"), rs.getString("etag"),
                rs.getString("last_modified"), Times.get(rs, "fetched_at"),
                Times.get(rs, "expires_at"));
    }
}
