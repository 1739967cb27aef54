package dev.kimigayo.isn.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kimigayo.isn.core.root.RootLayout;

class FsTransactionTest {

    @TempDir
    Path dir;

    private RootLayout root;
    private Map<String, String> oldState;

    @BeforeEach
    void oldRoot() throws IOException {
        root = new RootLayout(dir);
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.createDirectories(dir.resolve("usr/share/old"));
        Files.writeString(dir.resolve("usr/bin/vim"), "vim 1");
        Files.writeString(dir.resolve("usr/bin/gone"), "gone");
        Files.writeString(dir.resolve("usr/share/old/doc"), "doc");
        Files.createDirectories(dir.resolve("usr/share/old/deep"));
        Files.writeString(dir.resolve("usr/share/old/deep/doc2"), "doc2");
        Files.writeString(dir.resolve("etc.conf"), "changed by user");
        oldState = TreeSnapshot.of(dir, "var");
    }

    /** Upgrades vim, adds a new directory and file, removes a file and a directory, saves a config. */
    private FsTransaction run(StepListener steps, boolean commit) throws IOException {
        ChangeSetBuilder c = new ChangeSetBuilder(root, "t1");
        Path vim = c.placeFile("usr/bin/vim");
        c.mkdir("usr/share/vim");
        Path rc = c.placeFile("usr/share/vim/vimrc");
        c.mkdir("usr/share/vim/syntax");
        Path link = c.placeFile("usr/bin/vi");
        c.remove("usr/bin/gone");
        c.remove("usr/share/old/doc");
        c.remove("usr/share/old/deep/doc2");
        c.rmdir("usr/share/old/deep");
        c.rmdir("usr/share/old");
        c.save("etc.conf", "etc.conf.isn-save");
        Journal journal = new FileJournal(root.stateDir().resolve("journal"), Durability.SYNC);
        FsTransaction t = FsTransaction.begin(root, journal, Durability.SYNC, steps, "install vim", c);
        Files.writeString(vim, "vim 2");
        steps.reached("staging-1");
        Files.writeString(rc, "set nocompatible");
        Files.createSymbolicLink(link, Path.of("vim"));
        t.staged();
        t.apply();
        if (commit) {
            journal.markCommitted(t.txn());
            steps.reached("committed");
            t.cleanup();
        }
        return t;
    }

    private Map<String, String> newState() {
        return Map.of(
                "usr", "dir", "usr/bin", "dir", "usr/bin/vim", "file:vim 2", "usr/bin/vi", "link:vim",
                "usr/share", "dir", "usr/share/vim", "dir", "usr/share/vim/vimrc", "file:set nocompatible",
                "usr/share/vim/syntax", "dir", "etc.conf.isn-save", "file:changed by user");
    }

    @Test
    void committedTransactionLeavesExactlyTheNewTree() throws IOException {
        run(StepListener.NONE, true);
        assertEquals(new java.util.TreeMap<>(newState()), TreeSnapshot.of(dir, "var"));
        assertEquals(List.of(), new FileJournal(root.stateDir().resolve("journal"), Durability.NO_SYNC).unfinished());
    }

    @Test
    void rollbackBeforeCommitRestoresTheOldTree() throws IOException {
        FsTransaction t = run(StepListener.NONE, false);
        t.rollback();
        assertEquals(oldState, TreeSnapshot.of(dir, "var"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staging-1", "staged", "rename-1", "rename-2", "rename-4",
        "rename-6", "renamed", "committed", "cleaned"})
    void crashAtEveryStepRecoversToOldOrNewTree(String crashAt) throws IOException {
        StepListener crash = step -> {
            if (step.equals(crashAt)) {
                throw new SimulatedCrash();
            }
        };
        assertThrows(SimulatedCrash.class, () -> run(crash, true));
        List<Recovery.Recovered> recovered = Recovery.run(root,
                new FileJournal(root.stateDir().resolve("journal"), Durability.NO_SYNC));
        assertEquals(1, recovered.size());
        boolean committed = crashAt.equals("committed") || crashAt.equals("cleaned");
        assertEquals(committed, recovered.get(0).rolledForward());
        Map<String, String> expected = committed ? new java.util.TreeMap<>(newState()) : oldState;
        assertEquals(expected, TreeSnapshot.of(dir, "var"));
        assertTrue(Recovery.run(root, new FileJournal(root.stateDir().resolve("journal"), Durability.NO_SYNC)).isEmpty());
    }

    private static final class SimulatedCrash extends RuntimeException {
    }
}
