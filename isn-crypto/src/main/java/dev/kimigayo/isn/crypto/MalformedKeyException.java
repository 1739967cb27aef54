package dev.kimigayo.isn.crypto;

/** A key file (or key text) could not be read as an isn/signify key; names the source and the defect. */
public final class MalformedKeyException extends MalformedDataException {

    /** A defect {@code problem} found in the key read from {@code source} (usually a file path). */
    public MalformedKeyException(String source, String problem) {
        super(source, problem);
    }
}
