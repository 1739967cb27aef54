package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committed transaction keeps its plan (schema 4), written in the same SQLite transaction as its changes. */
class TransactionPlanTest {

    @TempDir
    Path dir;

    @Test
    void thePlanIsCommittedWithTheChangesAndReadBack() throws Exception {
        TransactionPlan plan = new TransactionPlan("add vim", List.of("busybox"), List.of("busybox", "vim"),
                List.of("busybox 1.36.1-r2 x86_64"), List.of("install vim - 9.1-r0 " + "ab".repeat(32)
                        + " https://repo.example/main/"));
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, List.of());
            assertTrue(db.transactionPlan(txn).isEmpty(), "nothing before the commit");
            db.commit(txn, DatabaseChanges.builder().install(Fixtures.full("vim", "9.1-r0"), Fixtures.files("vim"))
                    .world(List.of("busybox", "vim")).plan(plan).build());
            assertEquals(plan, db.transactionPlan(txn).orElseThrow());
            long other = db.beginTransaction("isn del vim", "root", Fixtures.T0, List.of());
            db.commit(other, DatabaseChanges.builder().remove("vim").build());
            assertTrue(db.transactionPlan(other).isEmpty(), "a commit without a plan records none");
        }
    }
}
