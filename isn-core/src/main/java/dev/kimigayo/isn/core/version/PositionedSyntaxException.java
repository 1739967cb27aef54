package dev.kimigayo.isn.core.version;

import dev.kimigayo.isn.core.IsnException;

/**
 * Text that could not be parsed, with the position of the offending character; the message
 * quotes the text and points at that position with a caret.
 */
public abstract class PositionedSyntaxException extends IsnException {

    private final String input;
    private final int position;
    private final String reason;

    /** Rejects {@code input}, an invalid {@code what}, at {@code position}; {@code hint} follows the reason. */
    protected PositionedSyntaxException(String what, String input, int position, String reason, String hint) {
        super("invalid " + what + " '" + input + "': " + reason + " at position " + position + hint
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
    public Kind kind() {
        return Kind.USAGE;
    }
}
