package dev.kimigayo.isn.crypto;

/** A signature was made by a key that is not among the trusted keys. */
public final class UnknownKeyException extends CryptoException {

    private final KeyId keyId;

    /** The signature names {@code keyId}, which no trusted key in {@code where} has. */
    public UnknownKeyException(KeyId keyId, String where) {
        this(keyId, where, false);
    }

    /** Like {@link #UnknownKeyException(KeyId, String)}; {@code noKeys} says {@code where} trusts no key at all. */
    public UnknownKeyException(KeyId keyId, String where, boolean noKeys) {
        super("signed by unknown key " + keyId.hex() + (noKeys
                ? "; " + where + " holds no trusted keys (add the signer's .pub file there)"
                : "; no trusted key with that id in " + where));
        this.keyId = keyId;
    }

    /** The id of the key that made the signature. */
    public KeyId keyId() {
        return keyId;
    }
}
