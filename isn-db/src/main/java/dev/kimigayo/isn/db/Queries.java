package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read queries behind {@link PackageDatabase}; run inside its read transactions. */
final class Queries {

    /** Bound parameters per {@code IN (...)} list, well under SQLite's limit. */
    private static final int CHUNK = 500;

    private final Connection conn;

    Queries(Connection conn) {
        this.conn = conn;
    }

    Optional<InstalledPackage> packageNamed(String name) throws SQLException {
        return packages(" WHERE name = ?", name).stream().findFirst();
    }

    List<InstalledPackage> allPackages() throws SQLException {
        return packages(" ORDER BY name");
    }

    List<InstalledPackage> search(String pattern) throws SQLException {
        String like = LikePatterns.fromGlob(pattern);
        return packages(" WHERE name LIKE ?1 ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\'"
                + " ORDER BY name", like);
    }

    List<InstalledFile> filesOf(String name) throws SQLException {
        List<InstalledFile> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT " + FileRows.COLUMNS
                + " FROM files f JOIN packages p ON p.id = f.package_id WHERE p.name = ?"
                + " ORDER BY f.path")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(FileRows.read(rs));
                }
            }
        }
        return result;
    }

    List<String> ownersOf(String path) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT p.name FROM files f"
                + " JOIN packages p ON p.id = f.package_id WHERE f.path = ? ORDER BY p.name")) {
            st.setString(1, path);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    Map<String, List<OwnedFile>> findPaths(Collection<String> paths) throws SQLException {
        Map<String, List<OwnedFile>> result = new LinkedHashMap<>();
        List<String> all = List.copyOf(paths);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement st = conn.prepareStatement("SELECT p.name AS owner, "
                    + FileRows.COLUMNS + " FROM files f JOIN packages p ON p.id = f.package_id"
                    + " WHERE f.path IN (" + marks + ") ORDER BY f.path, p.name")) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        InstalledFile f = FileRows.read(rs);
                        result.computeIfAbsent(f.path(), k -> new ArrayList<>())
                                .add(new OwnedFile(rs.getString("owner"), f));
                    }
                }
            }
        }
        return result;
    }

    List<String> world() throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT entry FROM world ORDER BY position");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    Optional<RepositoryState> repository(String url) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(RepositoryRows.SELECT + " WHERE url = ?")) {
            st.setString(1, url);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(RepositoryRows.read(rs)) : Optional.empty();
            }
        }
    }

    List<RepositoryState> repositories() throws SQLException {
        List<RepositoryState> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(RepositoryRows.SELECT + " ORDER BY url");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                result.add(RepositoryRows.read(rs));
            }
        }
        return result;
    }

    private List<InstalledPackage> packages(String where, String... params) throws SQLException {
        List<InstalledPackage> result = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT " + PackageRows.COLUMNS
                + " FROM packages" + where)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(PackageRows.read(rs));
                }
            }
        }
        return result;
    }
}
