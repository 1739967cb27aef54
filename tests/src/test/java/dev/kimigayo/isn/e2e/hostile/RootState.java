package dev.kimigayo.isn.e2e.hostile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.e2e.engine.RootTree;

/**
 * What a refused or failed operation must leave exactly as it was: every path of the root (type,
 * mode, content, link target) and the database rows of the installed packages, their files and
 * the world, read with plain SQL from the real SQLite file.
 */
record RootState(Map<String, String> tree, List<String> rows) {

    static RootState of(Path root) throws Exception {
        return new RootState(RootTree.of(root), rows(root.resolve("var/lib/isn/isn.db")));
    }

    private static List<String> rows(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
                Statement s = c.createStatement()) {
            for (String table : List.of("packages", "files", "world")) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= n; i++) {
                            row.append('|').append(r.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
