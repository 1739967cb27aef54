package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Flushes many files or directories at once. One fsync after another waits for one journal
 * commit each; several in flight let the file system commit them together (ext4 and XFS group
 * them), which made {@code --sync} installs of many small files markedly faster. Returns only
 * when every flush has finished, so the ordering guarantees of docs/transactions.md hold.
 */
final class ParallelSync {
    /** Enough flushes in flight to fill a journal commit, few enough to stay cheap. */
    private static final int THREADS = 8;

    private ParallelSync() {
    }

    /** Flushes every file ({@code directories} false) or directory, failing with the first error. */
    static void sync(Durability durability, List<Path> paths, boolean directories) throws IOException {
        if (durability != Durability.SYNC || paths.isEmpty()) {
            return;
        }
        if (paths.size() == 1) {
            one(durability, paths.get(0), directories);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, paths.size()), r -> {
            Thread t = new Thread(r, "isn-fsync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>(paths.size());
            for (Path p : paths) {
                done.add(pool.submit(() -> {
                    one(durability, p, directories);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing files to disk", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot flush files to disk: " + dev.kimigayo.isn.core.IoMessages.describe(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void one(Durability durability, Path p, boolean directory) throws IOException {
        if (directory) {
            durability.syncDirectory(p);
        } else {
            durability.syncFile(p);
        }
    }
}
