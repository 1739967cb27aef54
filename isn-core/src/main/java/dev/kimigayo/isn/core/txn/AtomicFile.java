package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.kimigayo.isn.core.root.ReservedPaths;

/** Replaces a small file's content atomically: readers see the old content or the new, never a mix. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code content} to a temporary file beside {@code target}, then renames it over. */
    public static void write(Path target, byte[] content, Durability durability) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(ReservedPaths.ATOMIC_PREFIX + target.getFileName() + "." + ProcessHandle.current().pid());
        try {
            Files.write(tmp, content);
            durability.syncFile(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            durability.syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
