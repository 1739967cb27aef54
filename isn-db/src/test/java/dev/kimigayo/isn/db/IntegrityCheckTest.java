package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityCheckTest {

    @TempDir
    Path dir;

    @Test
    void soundDatabaseHasNoProblems() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
            assertEquals(List.of(), db.integrityProblems());
        }
    }

    @Test
    void danglingReferenceIsReported() throws Exception {
        Fixtures.fresh(dir).close();
        Path file = dir.resolve("var/lib/isn/isn.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            // Another tool, writing without foreign keys enforced.
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("INSERT INTO transactions (id, state, command, started_at)"
                    + " VALUES (7, 'done', 'x', 0)");
            st.execute("INSERT INTO script_failures (package, script, version, txn_id, exit_code,"
                    + " recorded_at) VALUES ('vim', 'post_install', '1', 99, 1, 0)");
        }
        try (PackageDatabase db = PackageDatabase.open(file, OpenOptions.readOnlyMode())) {
            List<String> problems = db.integrityProblems();
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(true, problems.get(0).endsWith(" of script_failures refers to a missing"
                    + " row of transactions"), problems.get(0));
        }
    }
}
