package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Reads and writes rows of the {@code packages} table. */
final class PackageRows {

    static final String COLUMNS = "name, version, arch, description, url, license, origin,"
            + " maintainer, build_date, size, sha256, provider_priority, depends, provides,"
            + " install_if, replaces, config, reason, repository, tag, installed_at, file_sha256";

    private static final String INSERT = "INSERT INTO packages (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private PackageRows() {
    }

    static PreparedStatement prepareInsert(Connection conn) throws SQLException {
        return conn.prepareStatement(INSERT);
    }

    /** Inserts one package and returns its row id. */
    static long insert(PreparedStatement st, InstalledPackage p) throws SQLException {
        st.setString(1, p.name());
        st.setString(2, p.version());
        st.setString(3, p.arch());
        st.setString(4, p.description());
        st.setString(5, p.url());
        st.setString(6, p.license());
        st.setString(7, p.origin());
        st.setString(8, p.maintainer());
        if (p.buildDate() == null) {
            st.setNull(9, Types.INTEGER);
        } else {
            st.setLong(9, p.buildDate().getEpochSecond());
        }
        st.setLong(10, p.size());
        st.setString(11, p.sha256());
        st.setInt(12, p.providerPriority());
        st.setString(13, TextLists.join(p.depends()));
        st.setString(14, TextLists.join(p.provides()));
        st.setString(15, TextLists.join(p.installIf()));
        st.setString(16, TextLists.join(p.replaces()));
        st.setString(17, TextLists.join(p.config()));
        st.setString(18, DbNames.of(p.reason()));
        st.setString(19, p.repository());
        st.setString(20, p.tag());
        Times.set(st, 21, p.installedAt());
        st.setString(22, p.fileSha256());
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Maps the current row of a query selecting {@link #COLUMNS}. */
    static InstalledPackage read(ResultSet rs) throws SQLException {
        long buildDate = rs.getLong("build_date");
        Instant build = rs.wasNull() ? null : Instant.ofEpochSecond(buildDate);
        return new InstalledPackage(rs.getString("name"), rs.getString("version"),
                rs.getString("arch"), rs.getString("description"), rs.getString("url"),
                rs.getString("license"), rs.getString("origin"), rs.getString("maintainer"),
                build, rs.getLong("size"), rs.getString("sha256"), rs.getInt("provider_priority"),
                TextLists.split(rs.getString("depends")), TextLists.split(rs.getString("provides")),
                TextLists.split(rs.getString("install_if")),
                TextLists.split(rs.getString("replaces")), TextLists.split(rs.getString("config")),
                DbNames.parse(InstallReason.class, rs.getString("reason")),
                rs.getString("repository"), rs.getString("tag"), Times.get(rs, "installed_at"),
                rs.getString("file_sha256"));
    }
}
