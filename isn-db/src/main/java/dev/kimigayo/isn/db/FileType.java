package dev.kimigayo.isn.db;

/** The kind of an installed path. */
public enum FileType {
    /** A regular file. */
    FILE,
    /** A directory; several packages may own the same one. */
    DIR,
    /** A symbolic link; its target is recorded. */
    SYMLINK,
    /** A hard link to another path of the same package; the target path is recorded. */
    HARDLINK
}
