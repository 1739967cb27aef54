package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.crypto.HashingInputStream;

/** Checks package files against the size and SHA-256 that a verified index lists for them. */
public final class PackageFileCheck {

    /** What a check of the files beside an index found: the files checked and those absent. */
    public record Outcome(int checked, List<String> absent) {

        /** Copies the list so the record stays immutable. */
        public Outcome {
            absent = List.copyOf(absent);
        }
    }

    private PackageFileCheck() {
    }

    /** Refuses {@code file} unless its size and SHA-256 are those {@code entry} lists. */
    public static void check(IndexEntry entry, Path file) throws IndexException {
        try (InputStream in = Files.newInputStream(file)) {
            check(entry, in, file.toString());
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + file + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }

    /**
     * Refuses the package bytes in {@code in} (read, not closed) unless their size and SHA-256 are
     * those {@code entry} lists; reads at most one byte more than the listed size.
     */
    public static void check(IndexEntry entry, InputStream in, String source) throws IndexException {
        HashingInputStream hashing = new HashingInputStream(in);
        try {
            byte[] buffer = new byte[64 * 1024];
            long limit = entry.fileSize() + 1;
            while (hashing.count() < limit) {
                if (hashing.read(buffer, 0, (int) Math.min(buffer.length, limit - hashing.count())) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
        if (hashing.count() != entry.fileSize()) {
            throw new PackageFileMismatchException(source, "size", Long.toString(entry.fileSize()),
                    hashing.count() > entry.fileSize() ? "more than " + entry.fileSize() : Long.toString(hashing.count()));
        }
        if (!hashing.hexDigest().equals(entry.fileSha256())) {
            throw new PackageFileMismatchException(source, "sha256", entry.fileSha256(), hashing.hexDigest());
        }
    }

    /**
     * Checks every package of {@code index} whose file is present in {@code dir}: its size and
     * SHA-256, then (with a {@code verifier}) its signature and contents, and that its signed
     * PKGINFO is the one the index lists. Absent files are reported, not refused (an index is
     * often checked on its own).
     */
    public static Outcome checkBeside(RepoIndex index, Path dir, PackageVerifier verifier) throws IsnException {
        int checked = 0;
        List<String> absent = new ArrayList<>();
        for (IndexEntry entry : index.packages()) {
            Path file = dir.resolve(entry.file());
            if (Files.isRegularFile(file)) {
                check(entry, file);
                if (verifier != null) {
                    IndexConsistency.check(entry.info(), verified(verifier, file), entry.file(), dir.toString());
                }
                checked++;
            } else {
                absent.add(entry.file());
            }
        }
        return new Outcome(checked, absent);
    }

    private static PkgInfo verified(PackageVerifier verifier, Path file) throws IsnException {
        try (InputStream in = Files.newInputStream(file)) {
            return verifier.verify(in, file.toString());
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + file + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }
}
