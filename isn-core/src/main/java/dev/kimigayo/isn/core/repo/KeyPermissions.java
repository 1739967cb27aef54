package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The ownership and mode rules for trusted keys (docs/format-keys.md), those of ssh's StrictModes:
 * the keys folder and every {@code *.pub} file in it must be owned by root or by the user running
 * isn, and be writable by neither group nor others. An unprivileged {@code --root} build passes
 * because the user who copied the keys owns them.
 */
public final class KeyPermissions {

    private KeyPermissions() {
    }

    /** Refuses {@code dir} or any trusted key file in it that another user could write. */
    public static void check(Path dir) throws IndexException {
        try {
            long me = currentUid();
            checkOne(dir, true, me);
            try (DirectoryStream<Path> keys = Files.newDirectoryStream(dir, "*.pub")) {
                for (Path key : keys) {
                    if (Files.isRegularFile(key)) {
                        checkOne(key, false, me);
                    }
                }
            }
        } catch (IOException e) {
            throw new RepositoryIoException("cannot check the permissions of the trusted keys in " + dir, e);
        }
    }

    private static void checkOne(Path path, boolean folder, long me) throws IOException, UnsafeKeyPermissionsException {
        // Attributes of what the key path leads to: a symlinked key is judged by the file it names.
        PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class);
        long owner = ((Number) Files.getAttribute(path, "unix:uid")).longValue();
        if (owner != 0 && owner != me) {
            throw new UnsafeKeyPermissionsException(path, (folder ? "the trusted keys folder" : "the trusted key")
                    + " is owned by user " + attrs.owner().getName() + " (uid " + owner
                    + "), neither root nor the user running isn", "chown " + (me == 0 ? "root" : Long.toString(me))
                    + " " + path);
        }
        Set<PosixFilePermission> p = attrs.permissions();
        boolean group = p.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = p.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            throw new UnsafeKeyPermissionsException(path, (folder ? "the trusted keys folder" : "the trusted key")
                    + " is writable by " + (others ? "every user" : "its group " + attrs.group().getName())
                    + " (mode " + String.format("%04o", mode(p)) + ")", "chmod go-w " + path);
        }
    }

    /** The effective uid of this process: the owner of its /proc entry (Linux), else of a file it creates. */
    private static long currentUid() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self)) {
            return ((Number) Files.getAttribute(self, "unix:uid")).longValue();
        }
        Path probe = Files.createTempFile("isn-uid", ".tmp");
        try {
            return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static int mode(Set<PosixFilePermission> p) {
        int m = 0;
        for (PosixFilePermission x : p) {
            m |= 0400 >> x.ordinal();
        }
        return m;
    }
}
