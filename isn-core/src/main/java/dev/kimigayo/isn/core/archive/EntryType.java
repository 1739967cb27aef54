package dev.kimigayo.isn.core.archive;

/** The kinds of payload entry a package may carry; device nodes and FIFOs are never allowed. */
public enum EntryType {
    /** A regular file with content. */
    FILE('f'),
    /** A directory. */
    DIRECTORY('d'),
    /** A symbolic link; its target is stored verbatim. */
    SYMLINK('l'),
    /** A second name for a regular file stored earlier in the same package. */
    HARDLINK('h');

    private final char code;

    EntryType(char code) {
        this.code = code;
    }

    /** The one-letter code used in {@code .MANIFEST}. */
    public char code() {
        return code;
    }

    /** The type for a manifest code, or null when the letter is not a known type. */
    static EntryType ofCode(char c) {
        for (EntryType t : values()) {
            if (t.code == c) {
                return t;
            }
        }
        return null;
    }
}
