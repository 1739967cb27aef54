package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Applies a {@link DatabaseChanges} batch inside the caller's write transaction. */
final class ChangeApplier {

    private final Path file;
    private final Connection conn;

    ChangeApplier(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    void apply(DatabaseChanges changes) throws SQLException, DatabaseException {
        removePackages(changes.removals());
        installPackages(changes.installs());
        setReasons(changes.reasons());
        if (changes.world().isPresent()) {
            setWorld(changes.world().get());
        }
        for (RepositoryState state : changes.repositories()) {
            RepositoryRows.upsert(conn, state);
        }
    }

    private void removePackages(List<String> names) throws SQLException, DatabaseException {
        try (PreparedStatement st = conn.prepareStatement("DELETE FROM packages WHERE name = ?")) {
            for (String name : names) {
                st.setString(1, name);
                if (st.executeUpdate() != 1) {
                    throw notInstalled(name, "remove");
                }
            }
        }
    }

    private void installPackages(List<PackageInstall> installs) throws SQLException {
        try (PreparedStatement delete = conn.prepareStatement("DELETE FROM packages WHERE name = ?");
             PreparedStatement insertPackage = PackageRows.prepareInsert(conn);
             PreparedStatement takeOver = FileRows.prepareTakeOver(conn);
             PreparedStatement insertFile = FileRows.prepareInsert(conn)) {
            for (PackageInstall install : installs) {
                // Replacing drops the old version's paths with it (ON DELETE CASCADE).
                delete.setString(1, install.pkg().name());
                delete.executeUpdate();
                long id = PackageRows.insert(insertPackage, install.pkg());
                FileRows.insertAll(takeOver, insertFile, id, install.files());
            }
        }
    }

    private void setReasons(Map<String, InstallReason> reasons) throws SQLException, DatabaseException {
        try (PreparedStatement st = conn.prepareStatement(
                "UPDATE packages SET reason = ? WHERE name = ?")) {
            for (Map.Entry<String, InstallReason> e : reasons.entrySet()) {
                st.setString(1, DbNames.of(e.getValue()));
                st.setString(2, e.getKey());
                if (st.executeUpdate() != 1) {
                    throw notInstalled(e.getKey(), "change the reason of");
                }
            }
        }
    }

    private void setWorld(List<String> world) throws SQLException {
        try (PreparedStatement clear = conn.prepareStatement("DELETE FROM world");
             PreparedStatement insert = conn.prepareStatement(
                     "INSERT INTO world (position, entry) VALUES (?, ?)")) {
            clear.executeUpdate();
            for (int i = 0; i < world.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, world.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private DatabaseException notInstalled(String name, String verb) {
        return new DatabaseException(file, "cannot " + verb + " package " + name
                + ": it is not installed according to " + file + "; nothing was changed");
    }
}
