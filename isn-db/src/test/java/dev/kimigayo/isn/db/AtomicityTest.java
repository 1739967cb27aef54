package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicityTest {

    @TempDir
    Path dir;

    @Test
    void failingBatchLeavesEverythingUnchanged() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(DatabaseChanges.builder().install(Fixtures.full("musl", "1.2.5-r0"),
                    Fixtures.files("musl")).world(List.of("musl")).build());
            List<InstalledPackage> before = db.installedPackages();
            List<InstalledFile> filesBefore = db.filesOf("musl");

            DatabaseChanges bad = DatabaseChanges.builder()
                    .remove("musl")
                    .install(Fixtures.full("vim", "9.1-r0"), Fixtures.files("vim"))
                    .world(List.of("vim"))
                    .repository(new RepositoryState("https://r", 1, null, null, Fixtures.T0, null))
                    .reason("not-installed", InstallReason.EXPLICIT)
                    .build();
            DatabaseException e = assertThrows(DatabaseException.class, () -> db.apply(bad));
            assertEquals("cannot change the reason of package not-installed: it is not installed"
                    + " according to " + db.file() + "; nothing was changed", e.getMessage());

            assertEquals(before, db.installedPackages());
            assertEquals(filesBefore, db.filesOf("musl"));
            assertEquals(List.of("musl"), db.world());
            assertEquals(List.of(), db.repositoryStates());
            assertEquals(List.of(), db.ownersOf("usr/bin/vim"));
        }
    }

    @Test
    void constraintViolationInsideCommitRollsBackAndKeepsTransactionPending() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, List.of());
            // The same non-directory path twice in one package violates the single-owner index.
            InstalledFile dup = InstalledFile.file("usr/bin/vim", 0755, 0, 0, 1, null);
            DatabaseChanges bad = DatabaseChanges.builder()
                    .install(Fixtures.minimal("musl", "1"), Fixtures.files("musl"))
                    .install(Fixtures.minimal("vim", "9"), List.of(dup, dup))
                    .world(List.of("vim"))
                    .change(new PackageChange(ChangeAction.INSTALL, "vim", null, "9"))
                    .build();
            assertThrows(DatabaseException.class, () -> db.commit(txn, bad));

            assertEquals(List.of(), db.installedPackages());
            assertEquals(List.of(), db.world());
            TransactionRecord t = db.transaction(txn).orElseThrow();
            assertEquals(TransactionState.PENDING, t.state());
            assertEquals(List.of(), t.changes());
        }
    }

    @Test
    void removingAPackageThatIsNotInstalledFailsNamingIt() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            DatabaseException e = assertThrows(DatabaseException.class,
                    () -> db.apply(DatabaseChanges.builder().remove("ghost").build()));
            assertEquals("cannot remove package ghost: it is not installed according to "
                    + db.file() + "; nothing was changed", e.getMessage());
        }
    }
}
