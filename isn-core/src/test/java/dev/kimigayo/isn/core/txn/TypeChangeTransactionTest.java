package dev.kimigayo.isn.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kimigayo.isn.core.root.RootLayout;

/** A file that becomes a directory and a directory that becomes a file, in one crash-safe transaction. */
class TypeChangeTransactionTest {

    @TempDir
    Path dir;

    private RootLayout root;
    private Map<String, String> oldState;

    @BeforeEach
    void oldRoot() throws IOException {
        root = new RootLayout(dir);
        Files.createDirectories(dir.resolve("opt/plug/sub"));
        Files.writeString(dir.resolve("opt/tool"), "tool 1");
        Files.writeString(dir.resolve("opt/plug/a"), "a");
        Files.writeString(dir.resolve("opt/plug/sub/b"), "b");
        oldState = TreeSnapshot.of(dir, "var");
    }

    /** opt/tool: file → directory (staged whole under its temporary name); opt/plug: directory → file. */
    private void run(StepListener steps, boolean commit) throws IOException {
        ChangeSetBuilder c = new ChangeSetBuilder(root, "t2");
        String tool = ".isn-new.t2.tool";
        c.mkdir("opt/" + tool);
        c.mkdir("opt/" + tool + "/sub");
        Path toolTemp = c.placeFile("opt/tool");
        Path plug = c.placeFile("opt/plug");
        assertEquals(dir.resolve("opt/" + tool), toolTemp);
        Journal journal = new FileJournal(root.stateDir().resolve("journal"), Durability.SYNC);
        FsTransaction t = FsTransaction.begin(root, journal, Durability.SYNC, steps, "upgrade", c);
        Files.writeString(toolTemp.resolve("x"), "x");
        Files.writeString(toolTemp.resolve("sub/y"), "y");
        Files.writeString(plug, "plug 2");
        t.staged();
        t.apply();
        if (commit) {
            journal.markCommitted(t.txn());
            steps.reached("committed");
            t.cleanup();
        } else {
            t.rollback();
        }
    }

    private static Map<String, String> newState() {
        return new TreeMap<>(Map.of("opt", "dir", "opt/tool", "dir", "opt/tool/x", "file:x", "opt/tool/sub", "dir",
                "opt/tool/sub/y", "file:y", "opt/plug", "file:plug 2"));
    }

    @Test
    void commitLeavesTheNewTypesAndNothingElse() throws IOException {
        run(StepListener.NONE, true);
        assertEquals(newState(), TreeSnapshot.of(dir, "var"));
    }

    @Test
    void rollbackAfterTheRenamesRestoresBothOldTypes() throws IOException {
        run(StepListener.NONE, false);
        assertEquals(oldState, TreeSnapshot.of(dir, "var"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged", "rename-1", "rename-2", "renamed", "committed", "cleaned"})
    void crashAtEveryStepRecoversToOldOrNewTree(String crashAt) throws IOException {
        StepListener crash = step -> {
            if (step.equals(crashAt)) {
                throw new IllegalStateException("crash at " + step);
            }
        };
        assertThrows(IllegalStateException.class, () -> run(crash, true));
        List<Recovery.Recovered> recovered = Recovery.run(root,
                new FileJournal(root.stateDir().resolve("journal"), Durability.NO_SYNC));
        boolean committed = crashAt.equals("committed") || crashAt.equals("cleaned");
        assertEquals(committed, recovered.get(0).rolledForward());
        assertEquals(committed ? newState() : oldState, TreeSnapshot.of(dir, "var"));
    }

    @Test
    void aCrashBetweenTheTwoMovesOfOneStepIsRolledBack() throws IOException {
        ChangeSetBuilder c = new ChangeSetBuilder(root, "t3");
        Path plug = c.placeFile("opt/plug");
        Journal journal = new FileJournal(root.stateDir().resolve("journal"), Durability.NO_SYNC);
        FsTransaction.begin(root, journal, Durability.NO_SYNC, StepListener.NONE, "upgrade", c);
        Files.writeString(plug, "plug 2");
        // The directory went aside, the new file did not arrive yet: the process died here.
        Files.move(dir.resolve("opt/plug"), dir.resolve("opt/.isn-old.t3.plug"));
        Recovery.run(root, journal);
        assertEquals(oldState, TreeSnapshot.of(dir, "var"));
    }
}
