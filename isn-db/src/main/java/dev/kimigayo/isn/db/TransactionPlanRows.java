package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the {@code transaction_plans} table (schema version 4). */
final class TransactionPlanRows {

    private TransactionPlanRows() {
    }

    static void insert(Connection conn, long txnId, TransactionPlan p) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO transaction_plans (txn_id, request,"
                + " world_before, world_after, installed_before, steps) VALUES (?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, txnId);
            st.setString(2, p.request());
            st.setString(3, TextLists.join(p.worldBefore()));
            st.setString(4, TextLists.join(p.worldAfter()));
            st.setString(5, TextLists.join(p.installedBefore()));
            st.setString(6, TextLists.join(p.steps()));
            st.executeUpdate();
        }
    }

    static Optional<TransactionPlan> find(Connection conn, long txnId) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT request, world_before, world_after,"
                + " installed_before, steps FROM transaction_plans WHERE txn_id = ?")) {
            st.setLong(1, txnId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TransactionPlan(rs.getString(1), TextLists.split(rs.getString(2)),
                        TextLists.split(rs.getString(3)), TextLists.split(rs.getString(4)),
                        TextLists.split(rs.getString(5))));
            }
        }
    }
}
