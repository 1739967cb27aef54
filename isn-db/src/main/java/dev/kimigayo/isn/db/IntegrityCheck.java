package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Structural and referential checks of the database file, for {@code isn fix} and diagnostics. */
final class IntegrityCheck {

    private IntegrityCheck() {
    }

    static List<String> problems(Connection conn) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    problems.add("row " + rs.getLong("rowid") + " of " + rs.getString("table")
                            + " refers to a missing row of " + rs.getString("parent"));
                }
            }
        }
        return problems;
    }
}
