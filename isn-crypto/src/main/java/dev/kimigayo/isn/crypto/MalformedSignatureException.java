package dev.kimigayo.isn.crypto;

/** A signature (signify/minisign or OpenPGP) could not be parsed; names the source and the defect. */
public final class MalformedSignatureException extends CryptoException {

    private final String source;
    private final String problem;

    /** A defect {@code problem} found in the signature read from {@code source}. */
    public MalformedSignatureException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** Where the signature came from (a file path, an archive entry). */
    public String source() {
        return source;
    }

    /** What is wrong with it, without the source. */
    public String problem() {
        return problem;
    }
}
