package dev.kimigayo.isn.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.commit.CommitResult;
import dev.kimigayo.isn.core.engine.Transaction;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;
import dev.kimigayo.isn.db.PackageDatabase;
import dev.kimigayo.isn.db.TransactionRecord;
import dev.kimigayo.isn.db.TransactionState;

/**
 * What a library user gets without the CLI: an install and a remove, each through
 * {@code Transaction.open → plan → commit}, of packages packed by isn's own builder, signed with a
 * fresh Ed25519 key and served from a signed index; the files on disk and the database rows
 * afterwards are the evidence, not the returned values.
 */
class LibraryApiTest {

    @TempDir
    Path dir;

    private static PackageRequest request(SolveRequest.Operation op, String... names) {
        return PackageRequest.of(op, List.of(names));
    }

    @Test
    void installsAndThenRemovesThroughPlanAndCommit() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        EngineSettings settings = r.settings(root);

        Set<String> planned;
        try (Transaction t = Transaction.open(settings)) {
            Plan plan = t.plan(request(SolveRequest.Operation.ADD, "vim"));
            planned = plan.steps().stream().map(s -> s.change().name()).collect(Collectors.toSet());
            CommitResult result = t.commit(plan);
            assertEquals(plan.changes(), result.changes());
        }
        assertTrue(planned.containsAll(Set.of("vim", "vim-common", "xxd", "musl", "ncurses-libs")), planned.toString());
        assertTrue(Files.isRegularFile(root.resolve("usr/bin/vim")));
        assertTrue(Files.isRegularFile(root.resolve("lib/ld-musl-x86_64.so.1")));
        assertEquals("vim\n", Files.readString(root.resolve("etc/isn/world")));

        try (PackageDatabase db = PackageDatabase.openUntouched(database(root))) {
            Map<String, InstalledPackage> installed = byName(db.installedPackages());
            assertEquals(planned, installed.keySet());
            InstalledPackage vim = installed.get("vim");
            assertEquals("9.0.2127-r0", vim.version());
            assertEquals(InstallReason.EXPLICIT, vim.reason());
            assertEquals(r.repo.toUri().toString(), vim.repository());
            assertEquals(InstallReason.DEPENDENCY, installed.get("xxd").reason());
            assertEquals(List.of("vim"), db.world());
            assertEquals(List.of("vim"), db.ownersOf("usr/bin/vim"));
            assertFalse(db.filesOf("vim").isEmpty());
            assertEquals(List.of(), db.unfinishedTransactions(), "nothing is left to recover");
            TransactionRecord last = db.history(1).get(0);
            assertTrue(Set.of(TransactionState.DONE, TransactionState.COMMITTED).contains(last.state()), last.toString());
        }

        try (Transaction t = Transaction.open(settings)) {
            t.commit(t.plan(request(SolveRequest.Operation.REMOVE, "vim")));
        }
        assertFalse(Files.exists(root.resolve("usr/bin/vim")));
        assertFalse(Files.exists(root.resolve("usr/bin/xxd")), "dependencies nobody needs go with it");
        assertEquals("", Files.readString(root.resolve("etc/isn/world")).strip());
        try (PackageDatabase db = PackageDatabase.openUntouched(database(root))) {
            assertEquals(Map.of(), byName(db.installedPackages()));
            assertEquals(List.of(), db.world());
            assertEquals(List.of(), db.ownersOf("usr/bin/vim"));
            assertEquals(2, db.history(10).size());
        }
    }

    @Test
    void aPlanCommittedAfterTheRootChangedIsRefusedAndChangesNothing() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        EngineSettings settings = r.settings(root);
        try (Transaction t = Transaction.open(settings)) {
            t.commit(t.plan(request(SolveRequest.Operation.ADD, "vim")));
        }
        Plan removal;
        try (Transaction t = Transaction.open(settings)) {
            removal = t.plan(request(SolveRequest.Operation.REMOVE, "vim"));
        }
        try (Transaction t = Transaction.open(settings)) {
            t.commit(t.plan(request(SolveRequest.Operation.ADD, "busybox")));
        }
        Map<String, String> files = RootSnapshot.content(root);
        Map<String, String> rows = rows(root);

        try (Transaction t = Transaction.open(settings)) {
            StalePlanException e = assertThrows(StalePlanException.class, () -> t.commit(removal));
            assertEquals(removal.guard(), e.expected());
        }
        assertEquals(files, RootSnapshot.content(root));
        assertEquals(rows, rows(root));
        assertTrue(Files.isRegularFile(root.resolve("usr/bin/vim")));
    }

    private static Path database(Path root) {
        return root.resolve("var/lib/isn/isn.db");
    }

    private static Map<String, InstalledPackage> byName(List<InstalledPackage> packages) {
        Map<String, InstalledPackage> m = new TreeMap<>();
        packages.forEach(p -> m.put(p.name(), p));
        return m;
    }

    /** The database's visible state, compared as values, since the file itself may be rewritten by a checkpoint. */
    private static Map<String, String> rows(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (PackageDatabase db = PackageDatabase.openUntouched(database(root))) {
            for (InstalledPackage p : db.installedPackages()) {
                m.put("pkg " + p.name(), p.toString() + " " + db.filesOf(p.name()));
            }
            m.put("world", db.world().toString());
            m.put("history", String.valueOf(db.history(100).size()));
        }
        return m;
    }
}
