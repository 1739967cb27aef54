package dev.kimigayo.isn.crypto;

/** A signature (signify/minisign or OpenPGP) could not be parsed; names the source and the defect. */
public final class MalformedSignatureException extends MalformedDataException {

    /** A defect {@code problem} found in the signature read from {@code source}. */
    public MalformedSignatureException(String source, String problem) {
        super(source, problem);
    }
}
