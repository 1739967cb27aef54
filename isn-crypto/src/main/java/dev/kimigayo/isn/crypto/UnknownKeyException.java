package dev.kimigayo.isn.crypto;

/** A signature was made by a key that is not among the trusted keys. */
public final class UnknownKeyException extends CryptoException {

    private final KeyId keyId;

    /** The signature names {@code keyId}, which no trusted key has. */
    public UnknownKeyException(KeyId keyId, String where) {
        super("signed by unknown key " + keyId.hex() + "; no trusted key with that id in " + where);
        this.keyId = keyId;
    }

    /** The id of the key that made the signature. */
    public KeyId keyId() {
        return keyId;
    }
}
