package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import dev.kimigayo.isn.core.root.ReservedPaths;

/** Replaces a small file's content atomically: readers see the old content or the new, never a mix. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code content} to a temporary file beside {@code target}, then renames it over. */
    public static void write(Path target, byte[] content, Durability durability) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporary(dir, target);
        try {
            Files.write(tmp, content);
            durability.syncFile(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            durability.syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Publishes {@code content} as {@code target} in a folder other people read (a repository's
     * index and signature): mode 0644 whatever the umask, so the result does not depend on who
     * ran the command; synced; renamed over the old file where the filesystem can do it
     * atomically (some network filesystems cannot: there the plain rename is the best on offer);
     * the folder synced where it can be opened (durability is best effort once the rename is done).
     */
    public static void publish(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = temporary(dir, target);
        try {
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Durability.SYNC.syncFile(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Durability.SYNC.syncDirectory(dir);
            } catch (IOException e) {
                // the rename has happened; only its durability across a power cut is uncertain
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path temporary(Path dir, Path target) {
        return dir.resolve(ReservedPaths.ATOMIC_PREFIX + target.getFileName() + "." + ProcessHandle.current().pid());
    }
}
