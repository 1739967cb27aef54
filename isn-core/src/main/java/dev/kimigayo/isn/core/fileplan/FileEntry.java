package dev.kimigayo.isn.core.fileplan;

/**
 * One path a package installs, as the engine plans with it: the neutral form of a signed manifest
 * line and of a database file row. {@code sha256} is set for files and hardlinks,
 * {@code linkTarget} for symlinks and hardlinks (the hardlinked path).
 */
public record FileEntry(String path, Type type, int mode, long uid, long gid, long size, String sha256,
        String linkTarget) {

    /** What lands on disk. */
    public enum Type {
        DIRECTORY, FILE, SYMLINK, HARDLINK;

        /** True for everything that is not a directory. */
        public boolean isLeaf() {
            return this != DIRECTORY;
        }
    }

    /** A directory entry. */
    public static FileEntry directory(String path, int mode) {
        return new FileEntry(path, Type.DIRECTORY, mode, 0, 0, 0, null, null);
    }

    /** A regular file entry. */
    public static FileEntry file(String path, int mode, long size, String sha256) {
        return new FileEntry(path, Type.FILE, mode, 0, 0, size, sha256, null);
    }

    /** A symlink entry. */
    public static FileEntry symlink(String path, String target) {
        return new FileEntry(path, Type.SYMLINK, 0777, 0, 0, 0, null, target);
    }
}
