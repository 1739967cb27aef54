package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFailuresTest {

    @TempDir
    Path dir;

    @Test
    void failuresAreRecordedReplacedAndCleared() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, List.of());
            ScriptFailure vim = new ScriptFailure("vim", "9.1-r0", "post_upgrade", txn, 3,
                    "update-alternatives: not found", Fixtures.T0, List.of("9.1-r0", "9.0-r2"));
            ScriptFailure gone = new ScriptFailure("old", "1", "post_remove", null, 1, null,
                    Fixtures.T0, null);
            db.recordScriptFailure(vim);
            db.recordScriptFailure(gone);
            assertEquals(List.of(gone, vim), db.scriptFailures());
            assertEquals(List.of("9.1-r0", "9.0-r2"), db.scriptFailures().get(1).rerunArgs());
            assertEquals(List.of("1"), db.scriptFailures().get(0).rerunArgs(), "no args recorded: the version");

            ScriptFailure again = new ScriptFailure("vim", "9.1-r1", "post_upgrade", null, 4,
                    "still failing", Fixtures.T0.plusSeconds(5), List.of("9.1-r1", "9.1-r0"));
            db.recordScriptFailure(again);
            assertEquals(List.of(gone, again), db.scriptFailures());

            assertTrue(db.clearScriptFailure("vim", "post_upgrade"));
            assertFalse(db.clearScriptFailure("vim", "post_upgrade"));
            assertEquals(List.of(gone), db.scriptFailures());
        }
    }
}
