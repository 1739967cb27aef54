package dev.kimigayo.isn.core.archive;

/**
 * One line of {@code .MANIFEST}: everything the signature covers about one installed path.
 *
 * @param path       relative path inside the root, '/'-separated, no leading '/', no '.' or '..'
 * @param type       what lands on disk
 * @param mode       permission bits (07777 at most; setuid/setgid only where PKGINFO declares them)
 * @param uid        owner user id
 * @param gid        owner group id
 * @param size       content size in bytes (for hardlinks, the size of the linked file; else 0)
 * @param sha256     lower-case hex SHA-256 of the content (files and hardlinks), else null
 * @param linkTarget the symlink target or the hardlinked path, else null
 */
public record ManifestEntry(String path, EntryType type, int mode, long uid, long gid, long size,
                            String sha256, String linkTarget) {

    /** A regular file. */
    public static ManifestEntry file(String path, int mode, long size, String sha256) {
        return new ManifestEntry(path, EntryType.FILE, mode, 0, 0, size, sha256, null);
    }

    /** A directory. */
    public static ManifestEntry directory(String path, int mode) {
        return new ManifestEntry(path, EntryType.DIRECTORY, mode, 0, 0, 0, null, null);
    }

    /** A symbolic link. */
    public static ManifestEntry symlink(String path, String target) {
        return new ManifestEntry(path, EntryType.SYMLINK, 0777, 0, 0, 0, null, target);
    }

    /** A hardlink to {@code file}, sharing its mode, owner, size and hash. */
    public static ManifestEntry hardlink(String path, ManifestEntry file) {
        return new ManifestEntry(path, EntryType.HARDLINK, file.mode, file.uid, file.gid, file.size,
                file.sha256, file.path);
    }

    /** Whether the setuid or setgid bit is set. */
    public boolean isSetuidOrSetgid() {
        return (mode & 06000) != 0;
    }

    /** The number of content bytes the tar entry carries (hardlinks carry none). */
    public long contentSize() {
        return type == EntryType.FILE ? size : 0;
    }
}
