package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real connections on one file: WAL readers and the busy timeout. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("var/lib/isn/isn.db");
    }

    @Test
    void readerSeesTheLastCommitWhileAWriteIsInProgressAndNeverWaits() throws Exception {
        try (PackageDatabase writer = Fixtures.fresh(dir)) {
            writer.apply(Fixtures.install(Fixtures.full("musl", "1.2.5-r0")));
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
                 Statement st = raw.createStatement()) {
                // An uncommitted write holding the write lock (as a commit in progress would).
                st.execute("BEGIN IMMEDIATE");
                st.execute("DELETE FROM packages");
                st.execute("INSERT INTO world (position, entry) VALUES (0, 'half-done')");

                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                    try (PackageDatabase reader = PackageDatabase.open(file(),
                            OpenOptions.readOnlyMode().withBusyTimeout(Duration.ofSeconds(30)))) {
                        assertEquals(List.of("musl"), reader.installedPackages().stream()
                                .map(InstalledPackage::name).toList());
                        assertEquals(List.of(), reader.world());
                        assertEquals(List.of("musl"), reader.ownersOf("usr/bin/musl"));
                    }
                });
                st.execute("COMMIT");
            }
            assertEquals(List.of(), writer.installedPackages());
            assertEquals(List.of("half-done"), writer.world());
        }
    }

    @Test
    void openReadTransactionDoesNotBlockAWriter() throws Exception {
        Fixtures.fresh(dir).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement st = raw.createStatement()) {
            st.execute("BEGIN");
            st.executeQuery("SELECT count(*) FROM packages").close();
            try (PackageDatabase writer = PackageDatabase.open(file(),
                    OpenOptions.readWrite().withBusyTimeout(Duration.ZERO))) {
                writer.apply(Fixtures.install(Fixtures.minimal("vim", "9")));
                assertEquals(List.of("vim"), writer.ownersOf("usr/bin/vim"));
            }
            st.execute("COMMIT");
        }
    }

    @Test
    void openingWhileAnotherConnectionWritesDoesNotWait() throws Exception {
        Fixtures.fresh(dir).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement st = raw.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO world (position, entry) VALUES (0, 'uncommitted')");
            for (OpenOptions o : List.of(OpenOptions.readWrite(), OpenOptions.readOnlyMode())) {
                long start = System.nanoTime();
                try (PackageDatabase db = PackageDatabase.open(file(),
                        o.withBusyTimeout(Duration.ZERO))) {
                    assertEquals(List.of(), db.world());
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 2000, "open took " + ms + " ms");
            }
            st.execute("ROLLBACK");
        }
    }

    @Test
    void secondWriterFailsAfterTheBusyTimeout() throws Exception {
        Fixtures.fresh(dir).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement st = raw.createStatement();
             PackageDatabase writer = PackageDatabase.open(file(),
                     OpenOptions.readWrite().withBusyTimeout(Duration.ofMillis(300)))) {
            st.execute("BEGIN IMMEDIATE");
            long start = System.nanoTime();
            DatabaseBusyException e = assertThrows(DatabaseBusyException.class,
                    () -> writer.apply(Fixtures.install(Fixtures.minimal("vim", "9"))));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= 250, "gave up after " + waitedMs + " ms");
            assertTrue(e.getMessage().startsWith("package database " + file() + " is busy"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("while applying changes"), e.getMessage());
            st.execute("ROLLBACK");
            // The connection is usable again once the lock is gone.
            writer.apply(Fixtures.install(Fixtures.minimal("vim", "9")));
            assertEquals(List.of("vim"), writer.ownersOf("usr/bin/vim"));
        }
    }

    @Test
    void secondWriterWaitsAndSucceedsWhenTheLockIsReleasedInTime() throws Exception {
        Fixtures.fresh(dir).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement st = raw.createStatement();
             PackageDatabase writer = PackageDatabase.open(file(),
                     OpenOptions.readWrite().withBusyTimeout(Duration.ofSeconds(10)))) {
            st.execute("BEGIN IMMEDIATE");
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    st.execute("COMMIT");
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            long start = System.nanoTime();
            writer.apply(Fixtures.install(Fixtures.minimal("vim", "9")));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            release.join();
            assertTrue(waitedMs >= 200 && waitedMs < 5000, "waited " + waitedMs + " ms");
            assertEquals(List.of("vim"), writer.ownersOf("usr/bin/vim"));
        }
    }
}
