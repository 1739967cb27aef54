package dev.kimigayo.isn.crypto;

/** An OpenPGP signature was made by a key that its keyring marks as revoked. */
public final class RevokedKeyException extends CryptoException {

    private final KeyId keyId;

    /** The key {@code keyId} in keyring {@code where} carries a revocation signature. */
    public RevokedKeyException(KeyId keyId, String where) {
        super("signed by key " + keyId.hex() + ", which is revoked in " + where);
        this.keyId = keyId;
    }

    /** The OpenPGP key id of the revoked signer. */
    public KeyId keyId() {
        return keyId;
    }
}
