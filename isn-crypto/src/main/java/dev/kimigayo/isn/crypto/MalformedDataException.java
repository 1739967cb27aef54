package dev.kimigayo.isn.crypto;

/** Key or signature data that could not be parsed; names where it came from and the defect. */
public abstract class MalformedDataException extends CryptoException {

    private final String source;
    private final String problem;

    /** A defect {@code problem} found in the data read from {@code source}. */
    protected MalformedDataException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** Where the data came from: a file path, an archive entry. */
    public String source() {
        return source;
    }

    /** What is wrong with it, without the source. */
    public String problem() {
        return problem;
    }
}
