package dev.kimigayo.isn.core.version;

import dev.kimigayo.isn.core.IsnException;

/** A string that is not a valid apk version was given where a version is required. */
public final class InvalidVersionException extends IsnException {

    private final String input;
    private final int position;
    private final String reason;

    InvalidVersionException(String input, int position, String reason) {
        super("invalid version '" + input + "': " + reason + " at position " + position
                + System.lineSeparator() + "  " + input + System.lineSeparator() + "  " + " ".repeat(position) + "^");
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    /** The rejected text. */
    public String input() {
        return input;
    }

    /** Zero-based index of the offending character (the length when something is missing at the end). */
    public int position() {
        return position;
    }

    /** What is wrong at {@link #position()}, without the input. */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return "invalid-version";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
