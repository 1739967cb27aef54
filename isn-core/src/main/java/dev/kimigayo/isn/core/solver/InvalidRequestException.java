package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;

/** The request itself is malformed (a bad virtual package name or version, a tag where none may be). */
public final class InvalidRequestException extends IsnException {

    /** Creates one with a message that says what to change. */
    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-request";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
