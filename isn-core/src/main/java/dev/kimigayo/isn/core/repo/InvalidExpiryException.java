package dev.kimigayo.isn.core.repo;

import dev.kimigayo.isn.core.IsnException;

/** An {@code --expires} value that is not a valid duration. */
public final class InvalidExpiryException extends IsnException {

    private final String text;

    /** Creates the exception for {@code text}, saying {@code why} it is refused. */
    public InvalidExpiryException(String text, String why) {
        super("invalid expiry duration '" + text + "': " + why
                + "; give a count and a unit, e.g. 7d, 12h, 2w or 1d12h (at most 366d)");
        this.text = text;
    }

    /** The refused text. */
    public String text() {
        return text;
    }

    @Override
    public String code() {
        return "invalid-expiry";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
