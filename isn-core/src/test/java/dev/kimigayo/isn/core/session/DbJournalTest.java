package dev.kimigayo.isn.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.ChangeSetBuilder;
import dev.kimigayo.isn.core.txn.Journal;
import dev.kimigayo.isn.core.txn.JournalEntry;
import dev.kimigayo.isn.db.DatabaseChanges;
import dev.kimigayo.isn.db.OpenOptions;
import dev.kimigayo.isn.db.PackageDatabase;

class DbJournalTest {

    @Test
    void allFiveStepKindsSurviveTheDatabaseRoundTrip(@TempDir Path dir) throws Exception {
        ChangeSetBuilder c = new ChangeSetBuilder(new RootLayout(dir), "t9");
        c.mkdir("usr");
        c.placeFile("usr/vim");
        c.remove("usr/old");
        c.save("etc/a.conf", "etc/a.conf.isn-save");
        c.rmdir("usr/share/old");
        List<JournalEntry> entries = c.entries();
        Path file = dir.resolve("isn.db");
        try (PackageDatabase db = PackageDatabase.open(file, OpenOptions.readWrite().withCreate(true))) {
            DbJournal journal = new DbJournal(db, Clock.systemUTC(), "root");
            journal.begin("t9", "isn install vim", entries);
        }
        try (PackageDatabase db = PackageDatabase.open(file, OpenOptions.readWrite())) {
            DbJournal journal = new DbJournal(db, Clock.systemUTC(), "root");
            List<Journal.UnfinishedTransaction> open = journal.unfinished();
            assertEquals(1, open.size());
            assertFalse(open.get(0).committed());
            assertEquals(entries, open.get(0).entries());
            journal.commit(open.get(0).txn(), DatabaseChanges.builder().world(List.of("vim")).build());
            assertTrue(journal.unfinished().get(0).committed());
            assertEquals(List.of("vim"), db.world());
            journal.markDone(open.get(0).txn());
            assertEquals(List.of(), journal.unfinished());
        }
    }
}
