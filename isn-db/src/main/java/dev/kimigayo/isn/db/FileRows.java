package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads and writes rows of the {@code files} table. */
final class FileRows {

    static final String COLUMNS = "f.path, f.type, f.mode, f.uid, f.gid, f.size, f.sha256,"
            + " f.link_target, f.config";

    private static final String INSERT = "INSERT INTO files (package_id, path, type, mode, uid,"
            + " gid, size, sha256, link_target, config) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A package takes a non-directory path over from its previous owner (see docs/database.md). */
    private static final String TAKE_OVER = "DELETE FROM files WHERE path = ? AND type <> 'dir'";

    private FileRows() {
    }

    static PreparedStatement prepareTakeOver(Connection conn) throws SQLException {
        return conn.prepareStatement(TAKE_OVER);
    }

    static PreparedStatement prepareInsert(Connection conn) throws SQLException {
        return conn.prepareStatement(INSERT);
    }

    /** Inserts all paths of one package, taking over non-directory paths from other packages. */
    static void insertAll(PreparedStatement takeOver, PreparedStatement insert, long packageId,
                          List<InstalledFile> files) throws SQLException {
        for (InstalledFile f : files) {
            if (f.type() != FileType.DIR) {
                takeOver.setString(1, f.path());
                takeOver.addBatch();
            }
            insert.setLong(1, packageId);
            insert.setString(2, f.path());
            insert.setString(3, DbNames.of(f.type()));
            insert.setInt(4, f.mode());
            insert.setInt(5, f.uid());
            insert.setInt(6, f.gid());
            insert.setLong(7, f.size());
            insert.setString(8, f.sha256());
            insert.setString(9, f.linkTarget());
            insert.setInt(10, f.config() ? 1 : 0);
            insert.addBatch();
        }
        takeOver.executeBatch();
        insert.executeBatch();
    }

    /** Maps the current row of a query selecting {@link #COLUMNS}. */
    static InstalledFile read(ResultSet rs) throws SQLException {
        return new InstalledFile(rs.getString("path"), DbNames.parse(FileType.class,
                rs.getString("type")), rs.getInt("mode"), rs.getInt("uid"), rs.getInt("gid"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("link_target"),
                rs.getInt("config") != 0);
    }
}
