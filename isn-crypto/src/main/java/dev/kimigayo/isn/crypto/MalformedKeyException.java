package dev.kimigayo.isn.crypto;

/** A key file (or key text) could not be read as an isn/signify key; names the source and the defect. */
public final class MalformedKeyException extends CryptoException {

    private final String source;
    private final String problem;

    /** A defect {@code problem} found in the key read from {@code source} (usually a file path). */
    public MalformedKeyException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** Where the key came from, usually a file path. */
    public String source() {
        return source;
    }

    /** What is wrong with it, without the source. */
    public String problem() {
        return problem;
    }
}
