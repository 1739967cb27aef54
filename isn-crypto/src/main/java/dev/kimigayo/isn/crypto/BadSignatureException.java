package dev.kimigayo.isn.crypto;

/** A signature by a known key does not match the message: the data or the signature was altered. */
public final class BadSignatureException extends CryptoException {

    private final KeyId keyId;

    /** The signature claiming key {@code keyId} does not verify; {@code detail} says which check failed. */
    public BadSignatureException(KeyId keyId, String detail) {
        super("bad signature by key " + keyId.hex() + ": " + detail);
        this.keyId = keyId;
    }

    /** The id of the (trusted) key the signature claims. */
    public KeyId keyId() {
        return keyId;
    }
}
