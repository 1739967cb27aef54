package dev.kimigayo.isn.core.inspect;

import dev.kimigayo.isn.db.InstalledFile;

/**
 * One path an installed package owns, as {@code isn files} answers it: the core's own value, so
 * that a front end needs no database types.
 *
 * @param path       relative to the root, without a leading slash
 * @param type       what the path is
 * @param mode       permission bits (the twelve low bits)
 * @param size       bytes, 0 for anything but a regular file
 * @param sha256     lower-case hex of a regular file's content, else null
 * @param linkTarget a symlink's or hard link's target, else null
 * @param config     true for a protected configuration file
 */
public record InstalledPath(String path, Type type, int mode, long size, String sha256, String linkTarget,
                            boolean config) {

    /** The kinds of path a package installs (the names are those of {@code --json}). */
    public enum Type {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIR,
        /** A symbolic link. */
        SYMLINK,
        /** A hard link to another path of the package. */
        HARDLINK
    }

    static InstalledPath of(InstalledFile f) {
        return new InstalledPath(f.path(), Type.valueOf(f.type().name()), f.mode(), f.size(), f.sha256(),
                f.linkTarget(), f.config());
    }
}
