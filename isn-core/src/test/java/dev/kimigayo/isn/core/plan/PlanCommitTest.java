package dev.kimigayo.isn.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.commit.CommitResult;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.engine.Transaction;
import dev.kimigayo.isn.core.inspect.Queries;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.crypto.Sha256;

/** A whole install driven through the library API (no CLI): plan, inspect, commit; and the state guard. */
class PlanCommitTest {

    @TempDir
    Path dir;

    private static PackageRequest add(String... names) {
        return PackageRequest.of(SolveRequest.Operation.ADD, List.of(names));
    }

    @Test
    void installsThroughTheLibraryExactlyThePlannedPackages() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        EngineSettings settings = r.settings(root);
        try (Transaction t = Transaction.open(settings)) {
            Plan plan = t.plan(add("vim"));
            PlannedStep vim = plan.steps().stream().filter(s -> s.change().name().equals("vim")).findFirst()
                    .orElseThrow();
            assertTrue(vim.explicit());
            PackageSource.Indexed source = assertInstanceOf(PackageSource.Indexed.class, vim.incoming().source());
            assertEquals(r.repo.toUri().toString(), source.repository());
            Path file = r.repo.resolve(source.file());
            assertEquals(Sha256.ofFile(file), vim.incoming().sha256());
            assertEquals(Files.size(file), vim.incoming().size());
            assertTrue(source.serial() > 0);
            assertEquals(List.of("vim"), plan.world());
            assertEquals(List.of(), plan.worldBefore());
            assertTrue(plan.changes().size() > 1, "vim pulls in dependencies: " + plan.changes());
            assertEquals(plan.steps().size(), plan.installedAfter().size());

            CommitResult result = t.commit(plan);
            assertEquals(plan.changes(), result.changes());
            assertEquals(plan.installedAfter().size(), result.installedCount());
        }
        assertEquals("vim\n", Files.readString(root.resolve("etc/isn/world")));
        assertTrue(Files.isRegularFile(root.resolve("lib/ld-musl-x86_64.so.1")));
        try (Queries q = Queries.open(settings)) {
            for (var p : q.installed()) {
                Path file = r.repo.resolve(p.name() + "-" + p.version() + ".isn");
                assertEquals(Sha256.ofFile(file), p.fileSha256(), "the package file's SHA-256 is recorded: " + p.name());
            }
        }
    }

    @Test
    void commitRefusesAPlanMadeForAnotherStateAndChangesNothing() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        EngineSettings settings = r.settings(root);
        Plan stale;
        try (Transaction t = Transaction.open(settings)) {
            stale = t.plan(add("busybox"));
        }
        Engine.run(settings, add("musl"));
        Map<String, String> before = RootSnapshot.content(root);
        try (Transaction t = Transaction.open(settings)) {
            StalePlanException e = assertThrows(StalePlanException.class, () -> t.commit(stale));
            assertEquals(stale.guard(), e.expected());
            assertFalse(e.expected().equals(e.actual()));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertEquals("stale-plan", e.code());
        }
        assertEquals(before, RootSnapshot.content(root));
        // The same request planned again is accepted.
        try (Transaction t = Transaction.open(settings)) {
            assertNotNull(t.commit(t.plan(add("busybox"))));
        }
        assertTrue(Files.exists(root.resolve("bin/busybox")));
    }

    @Test
    void aRepositoryChangingAfterPlanningDoesNotChangeWhatIsCommitted() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        Engine.run(r.settings(root), add("busybox")); // the root exists; the next plan reads its indexes
        try (Transaction t = Transaction.open(r.settings(root))) {
            Plan plan = t.plan(add("musl"));
            // Between showing and confirming, the repository publishes a newer musl.
            Path source = copy(LibraryRepo.samples().resolve("musl"), dir.resolve("musl-new"));
            Path info = source.resolve("PKGINFO");
            Files.writeString(info, Files.readString(info).replace("1.2.5-r0", "1.2.6-r0"));
            r.pack(source);
            r.index();
            t.commit(plan);
        }
        Outcome again = Engine.run(r.settings(root), PackageRequest.of(SolveRequest.Operation.UPGRADE, List.of())
                .withDryRun(true));
        assertEquals("1.2.5-r0", again.changes().stream().filter(c -> c.name().equals("musl")).findFirst()
                .orElseThrow().oldVersion(), "the planned version was installed, not the newer one");
    }

    @Test
    void aConfirmationSeesThePlanThatIsCommittedAndANoChangesNothing() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        Engine.run(r.settings(root), add("musl"));
        Map<String, String> before = RootSnapshot.content(root);
        Plan[] seen = new Plan[1];
        Outcome no = Engine.run(r.settings(root), add("busybox"), plan -> {
            seen[0] = plan;
            return false;
        });
        assertTrue(no.declined());
        assertNull(no.commit());
        assertEquals(before, RootSnapshot.content(root));
        Outcome yes = Engine.run(r.settings(root), add("busybox"), plan -> {
            seen[0] = plan;
            return true;
        });
        assertEquals(seen[0], yes.plan());
        assertEquals(seen[0].changes(), yes.commit().changes());
    }

    @Test
    void aDryRunWritesNothingEvenWithInitdb() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        Outcome fresh = Engine.run(r.settings(root), add("vim").withDryRun(true));
        assertTrue(fresh.dryRun());
        assertFalse(fresh.changes().isEmpty());
        assertFalse(Files.exists(root), "not even the layout is created");

        Engine.run(r.settings(root), add("musl"));
        Map<String, String> before = RootSnapshot.of(root);
        Plan plan = Engine.dryRun(r.settings(root), add("vim"));
        assertFalse(plan.isEmpty());
        assertEquals(before, RootSnapshot.of(root));
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
