package dev.kimigayo.isn.core.repo;

import dev.kimigayo.isn.core.IsnException;

/** Base of the failures of reading, writing and checking repository indexes. */
public abstract class IndexException extends IsnException {

    protected IndexException(String message) {
        super(message);
    }

    protected IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
