package dev.kimigayo.isn.core.planner;

import java.nio.file.Path;

import dev.kimigayo.isn.core.IsnException;

/** A local package file named on the command line ({@code isn add ./foo.isn}) does not exist: bad input, not a failure. */
public final class NoSuchPackageFileException extends IsnException {

    private final Path file;

    /** {@code given} is what the user typed, {@code file} where it was looked for. */
    public NoSuchPackageFileException(String given, Path file) {
        super("cannot install " + given + ": no such package file " + file + "; check the path (nothing was changed)");
        this.file = file;
    }

    /** The absolute path that was looked for. */
    public Path file() {
        return file;
    }

    @Override
    public String code() {
        return "no-such-file";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
