package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.crypto.HashingInputStream;

/**
 * Verifies package files and measures them (size, SHA-256) in one read each, on all processors,
 * so that indexing tens of thousands of packages takes minutes.
 */
final class PackageScanner {

    private final PackageVerifier verifier;

    PackageScanner(PackageVerifier verifier) {
        this.verifier = verifier;
    }

    /** The entries of {@code files}, in the same order; the first failing file (in that order) is thrown. */
    List<IndexEntry> scan(List<Path> files) throws IsnException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "isn-index-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<IndexEntry>> futures = new ArrayList<>(files.size());
            for (Path file : files) {
                futures.add(pool.submit(() -> scan(file)));
            }
            List<IndexEntry> entries = new ArrayList<>(files.size());
            for (Future<IndexEntry> f : futures) {
                entries.add(await(f));
            }
            return entries;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Verifies one package file and returns its entry. */
    IndexEntry scan(Path file) throws IsnException {
        String name = file.getFileName().toString();
        if (!IndexEntry.FILE_NAME.matcher(name).matches()) {
            throw new BadPackageFileNameException(file.toString());
        }
        try (InputStream raw = Files.newInputStream(file);
                HashingInputStream in = new HashingInputStream(raw)) {
            PkgInfo info = verifier.verify(in, file.toString());
            // The verifier refuses trailing data; hash whatever it left so the hash is the file's.
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new IndexEntry(info, name, in.count(), in.hexDigest());
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + file + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }

    private static IndexEntry await(Future<IndexEntry> f) throws IsnException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IsnException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("unexpected failure while indexing", cause);
        }
    }
}
