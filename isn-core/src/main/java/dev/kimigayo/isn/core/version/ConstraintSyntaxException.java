package dev.kimigayo.isn.core.version;

import dev.kimigayo.isn.core.IsnException;

/** A dependency constraint or provide could not be parsed; points at the offending character. */
public final class ConstraintSyntaxException extends IsnException {

    private final String input;
    private final int position;
    private final String reason;

    ConstraintSyntaxException(String input, int position, String reason) {
        super("invalid constraint '" + input + "': " + reason + " at position " + position
                + " (format: [!]name[@tag][op version], op one of = < > <= >= ~ >~ <~)"
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
        return "invalid-constraint";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
