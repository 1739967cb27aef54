package dev.kimigayo.isn.db;

import java.util.Objects;

/**
 * One installed path of a package.
 *
 * @param path       relative to the root, no leading or trailing slash ({@code usr/bin/vim})
 * @param type       file, directory, symlink or hardlink
 * @param mode       permission bits including setuid/setgid/sticky ({@code 0755})
 * @param uid        owner
 * @param gid        group
 * @param size       bytes of a regular file, 0 otherwise
 * @param sha256     lower-case hex SHA-256 of a regular file's content, null otherwise
 * @param linkTarget symlink target, or the path a hardlink points to; null otherwise
 * @param config     a protected configuration file (kept on upgrade/remove when changed)
 */
public record InstalledFile(String path, FileType type, int mode, int uid, int gid, long size,
                            String sha256, String linkTarget, boolean config) {

    /** Validates the components. */
    public InstalledFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("path must be relative without slashes at the ends: " + path);
        }
    }

    /** A directory entry. */
    public static InstalledFile dir(String path, int mode, int uid, int gid) {
        return new InstalledFile(path, FileType.DIR, mode, uid, gid, 0, null, null, false);
    }

    /** A regular file entry. */
    public static InstalledFile file(String path, int mode, int uid, int gid, long size, String sha256) {
        return new InstalledFile(path, FileType.FILE, mode, uid, gid, size, sha256, null, false);
    }

    /** A symbolic link entry. */
    public static InstalledFile symlink(String path, String target, int uid, int gid) {
        return new InstalledFile(path, FileType.SYMLINK, 0777, uid, gid, 0, null, target, false);
    }

    /** A copy marked (or not) as a protected configuration file. */
    public InstalledFile withConfig(boolean value) {
        return new InstalledFile(path, type, mode, uid, gid, size, sha256, linkTarget, value);
    }
}
