package dev.kimigayo.isn.crypto;

/** An OpenPGP signature uses a digest isn does not accept (MD5, SHA-1, RIPEMD-160 or older). */
public final class WeakDigestException extends CryptoException {

    private final KeyId keyId;
    private final String digest;

    /** The signature by {@code keyId} uses the refused digest {@code digest}. */
    public WeakDigestException(KeyId keyId, String digest) {
        super("signature by key " + keyId.hex() + " uses the weak digest " + digest
                + "; isn accepts only SHA-224, SHA-256, SHA-384, SHA-512 and SHA-3: re-sign with"
                + " 'gpg --digest-algo SHA256'");
        this.keyId = keyId;
        this.digest = digest;
    }

    /** The OpenPGP key id of the signer. */
    public KeyId keyId() {
        return keyId;
    }

    /** The digest's name, e.g. {@code SHA1}. */
    public String digest() {
        return digest;
    }
}
