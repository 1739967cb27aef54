package dev.kimigayo.isn.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Instants are stored as INTEGER milliseconds since the epoch (UTC); null stays NULL. */
final class Times {

    private Times() {
    }

    static void set(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value.toEpochMilli());
        }
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
