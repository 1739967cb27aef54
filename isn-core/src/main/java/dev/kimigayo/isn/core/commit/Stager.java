package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import dev.kimigayo.isn.core.fileplan.FileEntry;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.txn.PathFailure;

/**
 * Writes one package's entries, as the package reader streams them, to the temporary paths the
 * file plan chose. Nothing here touches a live path: temporaries are new names, and directories
 * are only those the transaction itself created.
 */
final class Stager {

    private final Path root;
    private final RootGuard guard;
    private final Map<String, Path> staging;
    private final DirectoryRepairs repairs;
    private final byte[] buffer;

    /**
     * A stager for one package, reaching paths through {@code guard}: {@code staging} maps its
     * paths to where they are written; existing directories whose owner or mode differ from the
     * package go to {@code repairs}; file content is copied through {@code buffer}.
     */
    Stager(RootGuard guard, Map<String, Path> staging, DirectoryRepairs repairs, byte[] buffer) {
        this.root = guard.root();
        this.guard = guard;
        this.buffer = buffer;
        this.staging = staging == null ? Map.of() : staging;
        this.repairs = repairs;
    }

    /** Writes one entry (its content is read only for files that are written); false when it has nothing to write. */
    boolean accept(FileEntry entry, InputStream content) throws IOException {
        Path planned = staging.get(entry.path());
        if (planned == null) {
            if (entry.type() == FileEntry.Type.DIRECTORY) {
                repairs.check(guard.resolve(entry.path()), entry);
            }
            return false;
        }
        try {
            write(entry, content, guard.resolve(planned));
        } catch (FileSystemException e) {
            throw PathFailure.at(entry.path(), e);
        }
        return true;
    }

    private void write(FileEntry entry, InputStream content, Path temp) throws IOException {
        switch (entry.type()) {
            case FILE -> {
                try (OutputStream out = new PathOutputStream(entry.path(), Files.newOutputStream(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
                    // One large buffer for the whole transaction: transferTo's 8 KiB made 32,000
                    // write calls (and as many trips through inflate and the digest) for 250 MB.
                    for (int n; (n = content.read(buffer, 0, buffer.length)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
                FileAttributes.apply(temp, entry);
            }
            case SYMLINK -> {
                Files.createSymbolicLink(temp, Path.of(entry.linkTarget()));
                FileAttributes.apply(temp, entry);
            }
            case HARDLINK -> {
                Path target = staging.getOrDefault(entry.linkTarget(), root.resolve(entry.linkTarget()));
                Files.createLink(temp, guard.resolve(target));
            }
            case DIRECTORY -> FileAttributes.apply(temp, entry);
        }
    }
}
