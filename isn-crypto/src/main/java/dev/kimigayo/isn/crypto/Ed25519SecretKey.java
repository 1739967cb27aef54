package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** An Ed25519 secret key (its 32-byte seed) with its key id: the content of a {@code .sec} file. */
public final class Ed25519SecretKey {

    /** Length of the seed in bytes. */
    public static final int SEED_LENGTH = 32;

    private final KeyId keyId;
    private final byte[] seed;
    private final Ed25519PublicKey publicKey;

    /** The secret key with id {@code keyId} and the RFC 8032 32-byte private key {@code seed}. */
    public Ed25519SecretKey(KeyId keyId, byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        this.keyId = keyId;
        this.seed = seed.clone();
        this.publicKey = new Ed25519PublicKey(keyId, Ed25519Engine.publicKeyOf(this.seed));
    }

    /** The key id written into every signature. */
    public KeyId keyId() {
        return keyId;
    }

    /** A copy of the 32-byte seed. */
    public byte[] seed() {
        return seed.clone();
    }

    /** The matching public key. */
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs {@code message} (pure Ed25519, as signify and minisign's legacy mode). The result also
     * carries a minisign trusted comment naming the key, signed too, so minisign can check it.
     */
    public Ed25519Signature sign(byte[] message) {
        return withTrustedComment(Ed25519Engine.sign(seed, message));
    }

    /** Like {@link #sign(byte[])}, reading the message from a stream (not closed). */
    public Ed25519Signature sign(InputStream message) throws IOException, MessageTooLargeException {
        return withTrustedComment(Ed25519Engine.sign(seed, message));
    }

    private Ed25519Signature withTrustedComment(byte[] sig) {
        String trusted = Ed25519Signature.defaultTrustedComment(keyId);
        byte[] global = Ed25519Engine.sign(seed, SignifyText.concat(sig, trusted.getBytes(StandardCharsets.UTF_8)));
        return new Ed25519Signature(keyId, sig, Ed25519Signature.defaultUntrustedComment(keyId), trusted, global);
    }

    @Override
    public String toString() {
        // Never print the seed.
        return "Ed25519SecretKey[" + keyId.hex() + "]";
    }
}
