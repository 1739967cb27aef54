package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code script_failures} table. */
final class ScriptFailureRows {

    private ScriptFailureRows() {
    }

    /** Records a failure, replacing an earlier one of the same package and script. */
    static void upsert(Connection conn, ScriptFailure f) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT OR REPLACE INTO script_failures"
                + " (package, script, version, txn_id, exit_code, message, recorded_at, args)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, f.packageName());
            st.setString(2, f.script());
            st.setString(3, f.version());
            if (f.txnId() == null) {
                st.setNull(4, Types.INTEGER);
            } else {
                st.setLong(4, f.txnId());
            }
            st.setInt(5, f.exitCode());
            st.setString(6, f.message());
            Times.set(st, 7, f.recordedAt());
            st.setString(8, f.args().isEmpty() ? null : TextLists.join(f.args()));
            st.executeUpdate();
        }
    }

    static boolean delete(Connection conn, String packageName, String script) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(
                "DELETE FROM script_failures WHERE package = ? AND script = ?")) {
            st.setString(1, packageName);
            st.setString(2, script);
            return st.executeUpdate() > 0;
        }
    }

    static List<ScriptFailure> all(Connection conn) throws SQLException {
        List<ScriptFailure> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT package, script, version, txn_id,"
                + " exit_code, message, recorded_at, args FROM script_failures ORDER BY package, script");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long txn = rs.getLong("txn_id");
                Long txnId = rs.wasNull() ? null : txn;
                result.add(new ScriptFailure(rs.getString("package"), rs.getString("version"),
                        rs.getString("script"), txnId, rs.getInt("exit_code"),
                        rs.getString("message"), Times.get(rs, "recorded_at"),
                        TextLists.split(rs.getString("args"))));
            }
        }
        return result;
    }
}
