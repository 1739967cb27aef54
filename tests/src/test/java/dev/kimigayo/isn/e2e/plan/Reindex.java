package dev.kimigayo.isn.e2e.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.kimigayo.isn.e2e.engine.SignedRepo;

/**
 * Re-indexes a repository that nginx serves so that clients see the new index without waiting.
 * nginx's ETag and Last-Modified come from the file's mtime in whole seconds and its size: an
 * index rewritten within the second it was fetched, with a serial of the same length, would be
 * answered "304 not modified". Each new index gets an mtime of its own, seconds ahead.
 */
final class Reindex {

    private static final AtomicLong AHEAD = new AtomicLong();

    private Reindex() {
    }

    static void of(SignedRepo repo) throws Exception {
        repo.index();
        FileTime when = FileTime.from(Instant.now().plusSeconds(10 * AHEAD.incrementAndGet()));
        for (String name : new String[] {"index.json", "index.json.sig"}) {
            Path p = repo.repo.resolve(name);
            if (Files.exists(p)) {
                Files.setLastModifiedTime(p, when);
            }
        }
    }
}
