package dev.kimigayo.isn.core.txn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel flushing reports a failure like one flush after another would, and never runs without SYNC. */
class ParallelSyncTest {

    @Test
    void flushesManyFilesAndTheirDirectory(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(Files.writeString(dir.resolve("f" + i), "x" + i));
        }
        assertDoesNotThrow(() -> ParallelSync.sync(Durability.SYNC, files, false));
        assertDoesNotThrow(() -> ParallelSync.sync(Durability.SYNC, List.of(dir), true));
        assertEquals("x7", Files.readString(files.get(7)));
    }

    @Test
    void aFileThatCannotBeFlushedFailsTheWholeStepWithItsOwnError(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(Files.writeString(dir.resolve("f" + i), "x"));
        }
        Path missing = dir.resolve("gone");
        files.add(10, missing);
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> ParallelSync.sync(Durability.SYNC, files, false));
        assertEquals(missing.toString(), e.getFile());
    }

    @Test
    void withoutSyncNothingIsOpened(@TempDir Path dir) {
        // A missing file would fail if it were flushed.
        assertDoesNotThrow(() -> ParallelSync.sync(Durability.NO_SYNC, List.of(dir.resolve("gone")), false));
    }
}
