package dev.kimigayo.isn.core.repo;

/** A repository folder or index file could not be read or written (an I/O error, not bad data). */
public final class RepositoryIoException extends IndexException {

    /** Creates the failure; {@code message} says what could not be done where. */
    public RepositoryIoException(String message, java.io.IOException cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "io-error";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
