package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code transactions}, {@code journal} and {@code transaction_changes} tables. */
final class TransactionRows {

    private static final String SELECT = "SELECT id, state, command, user, started_at,"
            + " committed_at, ended_at FROM transactions";

    private TransactionRows() {
    }

    static long begin(Connection conn, String command, String user, Instant startedAt,
                      List<JournalEntry> journal) throws SQLException {
        long id;
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO transactions"
                + " (state, command, user, started_at) VALUES ('pending', ?, ?, ?) RETURNING id")) {
            st.setString(1, command);
            st.setString(2, user);
            Times.set(st, 3, startedAt);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO journal"
                + " (txn_id, seq, action, path, temp_path, backup_path) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (JournalEntry e : journal) {
                st.setLong(1, id);
                st.setInt(2, e.seq());
                st.setString(3, DbNames.of(e.action()));
                st.setString(4, e.path());
                st.setString(5, e.tempPath());
                st.setString(6, e.backupPath());
                st.addBatch();
            }
            st.executeBatch();
        }
        return id;
    }

    /** Moves a transaction from {@code from} to {@code to}, or fails naming its actual state. */
    static void transition(Path file, Connection conn, long id, TransactionState from,
                           TransactionState to, String timeColumn, Instant at)
            throws SQLException, DatabaseException {
        try (PreparedStatement st = conn.prepareStatement("UPDATE transactions SET state = ?, "
                + timeColumn + " = ? WHERE id = ? AND state = ?")) {
            st.setString(1, DbNames.of(to));
            Times.set(st, 2, at);
            st.setLong(3, id);
            st.setString(4, DbNames.of(from));
            if (st.executeUpdate() == 1) {
                return;
            }
        }
        String actual = find(conn, id, false).map(t -> "it is " + DbNames.of(t.state()))
                .orElse("it does not exist");
        throw new DatabaseException(file, "cannot mark transaction " + id + " "
                + DbNames.of(to) + ": " + actual + ", expected " + DbNames.of(from));
    }

    static void deleteJournal(Connection conn, long id) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("DELETE FROM journal WHERE txn_id = ?")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
    }

    static void insertChanges(Connection conn, long id, List<PackageChange> changes)
            throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO transaction_changes"
                + " (txn_id, seq, action, name, old_version, new_version) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < changes.size(); i++) {
                PackageChange c = changes.get(i);
                st.setLong(1, id);
                st.setInt(2, i);
                st.setString(3, DbNames.of(c.action()));
                st.setString(4, c.name());
                st.setString(5, c.oldVersion());
                st.setString(6, c.newVersion());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    static java.util.Optional<TransactionRecord> find(Connection conn, long id, boolean details)
            throws SQLException {
        List<TransactionRecord> found = query(conn, " WHERE id = " + id, details);
        return found.stream().findFirst();
    }

    /** Transactions matching {@code where} (trusted SQL, no user input), with or without details. */
    static List<TransactionRecord> query(Connection conn, String where, boolean details)
            throws SQLException {
        List<TransactionRecord> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(SELECT + where);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                result.add(new TransactionRecord(id,
                        DbNames.parse(TransactionState.class, rs.getString("state")),
                        rs.getString("command"), rs.getString("user"),
                        Times.get(rs, "started_at"), Times.get(rs, "committed_at"),
                        Times.get(rs, "ended_at"),
                        details ? changes(conn, id) : List.of(),
                        details ? journal(conn, id) : List.of()));
            }
        }
        return result;
    }

    private static List<PackageChange> changes(Connection conn, long id) throws SQLException {
        List<PackageChange> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT action, name, old_version,"
                + " new_version FROM transaction_changes WHERE txn_id = ? ORDER BY seq")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new PackageChange(DbNames.parse(ChangeAction.class,
                            rs.getString("action")), rs.getString("name"),
                            rs.getString("old_version"), rs.getString("new_version")));
                }
            }
        }
        return result;
    }

    private static List<JournalEntry> journal(Connection conn, long id) throws SQLException {
        List<JournalEntry> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT seq, action, path, temp_path,"
                + " backup_path FROM journal WHERE txn_id = ? ORDER BY seq")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new JournalEntry(rs.getInt("seq"),
                            DbNames.parse(JournalAction.class, rs.getString("action")),
                            rs.getString("path"), rs.getString("temp_path"),
                            rs.getString("backup_path")));
                }
            }
        }
        return result;
    }
}
