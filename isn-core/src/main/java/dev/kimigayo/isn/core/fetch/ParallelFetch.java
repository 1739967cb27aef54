package dev.kimigayo.isn.core.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/** One {@link Fetcher#fetchAll} call: a bounded pool, results in order, stop everything on the first failure. */
final class ParallelFetch {

    private final Fetcher fetcher;
    private final FetchListener listener;
    private final AtomicBoolean abort = new AtomicBoolean();

    ParallelFetch(Fetcher fetcher, FetchListener listener) {
        this.fetcher = fetcher;
        this.listener = listener;
    }

    List<FetchResult> run(List<FetchRequest> requests, int parallelism) throws IsnException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        Set<Path> destinations = new HashSet<>();
        for (FetchRequest r : requests) {
            if (!destinations.add(r.destination().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two requests write " + r.destination());
            }
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, requests.size()), daemonThreads());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        FetchResult[] results = new FetchResult[requests.size()];
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                futures.add(done.submit(() -> {
                    results[index] = fetcher.fetch(requests.get(index), () -> abort.get() || listener.cancelled());
                    return index;
                }));
            }
            for (int i = 0; i < requests.size(); i++) {
                done.take().get();
            }
            return List.of(results);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            URI first = requests.get(0).url();
            throw new FetchException(first, Reason.CANCELLED, -1, 1, "fetching was interrupted", e);
        } finally {
            abort.set(true);
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            awaitCleanup(pool);
        }
    }

    // The tasks delete their temporary files as they unwind: wait, so none remain when we return.
    private static void awaitCleanup(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int i = 0; i < 60 && !pool.isTerminated(); i++) {
                try {
                    pool.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IsnException unwrap(Throwable cause) {
        if (cause instanceof IsnException ie) {
            return ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "isn-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
