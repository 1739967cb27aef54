package dev.kimigayo.isn.core.config;

import java.nio.file.Path;

import dev.kimigayo.isn.core.IsnException;

/** A configuration file under {@code etc/isn} holds a line isn cannot use. */
public final class ConfigSyntaxException extends IsnException {

    private final Path file;
    private final int line;

    /** Reports a bad {@code line} (1-based) of {@code file}, saying what is wrong and what to do. */
    public ConfigSyntaxException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file holding the bad line. */
    public Path file() {
        return file;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    @Override
    public String code() {
        return "config-syntax";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
