package dev.kimigayo.isn.core.repo;

import java.nio.file.Path;

/** A key file or trusted-keys folder given on the command line is missing or unreadable. */
public final class KeyFileException extends IndexException {

    private final Path path;

    /** Creates the failure for {@code path}; {@code detail} says what is wrong and what to do. */
    public KeyFileException(Path path, String detail) {
        super(path + ": " + detail);
        this.path = path;
    }

    /** The key file or folder. */
    public Path path() {
        return path;
    }

    @Override
    public String code() {
        return "key-file";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
