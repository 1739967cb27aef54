package dev.kimigayo.isn.crypto;

import java.security.SecureRandom;

/** A freshly generated Ed25519 secret key with its public key. */
public record Ed25519KeyPair(Ed25519SecretKey secretKey, Ed25519PublicKey publicKey) {

    /** Generates a key pair: a random 32-byte seed and a random 8-byte key id, as signify does. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        byte[] id = new byte[KeyId.LENGTH];
        byte[] seed = new byte[Ed25519SecretKey.SEED_LENGTH];
        random.nextBytes(id);
        random.nextBytes(seed);
        Ed25519SecretKey secret = new Ed25519SecretKey(KeyId.of(id), seed);
        return new Ed25519KeyPair(secret, secret.publicKey());
    }

    /** The key id shared by both keys. */
    public KeyId keyId() {
        return secretKey.keyId();
    }
}
