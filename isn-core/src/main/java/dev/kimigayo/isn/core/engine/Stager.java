package dev.kimigayo.isn.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.txn.PathFailure;

/**
 * Writes one package's entries, as the package reader streams them, to the temporary paths the
 * file plan chose. Nothing here touches a live path: temporaries are new names, and directories
 * are only those the transaction itself created.
 */
final class Stager {

    private static final boolean PRIVILEGED = "root".equals(System.getProperty("user.name"));

    private final Path root;
    private final RootGuard guard;
    private final Map<String, Path> staging;

    /** A stager for one package: {@code staging} maps its paths to where they are written. */
    Stager(Path root, Map<String, Path> staging) {
        this.root = root;
        this.guard = new RootGuard(root);
        this.staging = staging == null ? Map.of() : staging;
    }

    /** Writes one entry (its content is read only for files that are written); false when it has nothing to write. */
    boolean accept(FileEntry entry, InputStream content) throws IOException {
        Path planned = staging.get(entry.path());
        if (planned == null) {
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
                    content.transferTo(out);
                }
                setMode(temp, entry.mode());
                setOwner(temp, entry);
            }
            case SYMLINK -> Files.createSymbolicLink(temp, Path.of(entry.linkTarget()));
            case HARDLINK -> {
                Path target = staging.getOrDefault(entry.linkTarget(), root.resolve(entry.linkTarget()));
                Files.createLink(temp, guard.resolve(target));
            }
            case DIRECTORY -> {
                setMode(temp, entry.mode());
                setOwner(temp, entry);
            }
        }
    }

    private static void setMode(Path p, int mode) throws IOException {
        try {
            Files.setAttribute(p, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Without the unix view, setuid/setgid/sticky cannot be set; the permission bits can.
            Files.setPosixFilePermissions(p, permissions(mode));
        }
    }

    private static void setOwner(Path p, FileEntry entry) throws IOException {
        // Only root can give files away; an unprivileged --root install keeps the caller's ids.
        if (PRIVILEGED) {
            Files.setAttribute(p, "unix:uid", (int) entry.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) entry.gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }
}
