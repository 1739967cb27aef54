package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;

/**
 * A failure found by a CLI command itself (not by isn-core), such as a refused output file or
 * an isn-crypto error the command reports directly; carries the stable code and exit family.
 */
public final class CliException extends IsnException {

    private final String code;
    private final Kind kind;

    /** A failure with JSON code {@code code} (e.g. {@code "file-exists"}) in family {@code kind}. */
    public CliException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    /** Like {@link #CliException(String, Kind, String)}, keeping the underlying cause. */
    public CliException(String code, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
