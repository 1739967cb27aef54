package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A journal kept as one small JSON file per transaction in a directory, replaced atomically on
 * each state change. Used where no database is at hand (tests of the transaction primitive,
 * roots without isn-db); the engine proper journals in isn-db so the commit is one SQLite step.
 */
public final class FileJournal implements Journal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Durability durability;

    /** A journal in {@code dir}, flushed according to {@code durability}. */
    public FileJournal(Path dir, Durability durability) {
        this.dir = dir;
        this.durability = durability;
    }

    private record Record(String txn, String command, boolean committed, List<JournalEntry> entries) {
    }

    @Override
    public void begin(String txn, String command, List<JournalEntry> entries) throws IOException {
        write(new Record(txn, command, false, entries));
    }

    @Override
    public void markCommitted(String txn) throws IOException {
        Record r = read(file(txn));
        write(new Record(r.txn(), r.command(), true, r.entries()));
    }

    @Override
    public void markDone(String txn) throws IOException {
        Files.deleteIfExists(file(txn));
        durability.syncDirectory(dir);
    }

    @Override
    public List<UnfinishedTransaction> unfinished() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<UnfinishedTransaction> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList()) {
                Record r = read(f);
                result.add(new UnfinishedTransaction(r.txn(), r.committed(), r.entries()));
            }
        }
        return result;
    }

    private Path file(String txn) {
        return dir.resolve(txn + ".json");
    }

    private void write(Record r) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(file(r.txn()), JSON.writeValueAsBytes(r), durability);
    }

    private static Record read(Path f) throws IOException {
        return JSON.readValue(f.toFile(), Record.class);
    }
}
