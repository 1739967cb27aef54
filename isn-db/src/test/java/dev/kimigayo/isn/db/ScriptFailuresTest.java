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
            ScriptFailure vim = new ScriptFailure("vim", "9.1-r0", "post_install", txn, 3,
                    "update-alternatives: not found", Fixtures.T0);
            ScriptFailure gone = new ScriptFailure("old", "1", "post_remove", null, 1, null,
                    Fixtures.T0);
            db.recordScriptFailure(vim);
            db.recordScriptFailure(gone);
            assertEquals(List.of(gone, vim), db.scriptFailures());

            ScriptFailure again = new ScriptFailure("vim", "9.1-r1", "post_install", null, 4,
                    "still failing", Fixtures.T0.plusSeconds(5));
            db.recordScriptFailure(again);
            assertEquals(List.of(gone, again), db.scriptFailures());

            assertTrue(db.clearScriptFailure("vim", "post_install"));
            assertFalse(db.clearScriptFailure("vim", "post_install"));
            assertEquals(List.of(gone), db.scriptFailures());
        }
    }
}
