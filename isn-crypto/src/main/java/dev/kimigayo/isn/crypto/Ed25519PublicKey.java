package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** An Ed25519 public key with its key id: the content of a {@code .pub} file. */
public final class Ed25519PublicKey {

    /** Length of the raw public key in bytes. */
    public static final int LENGTH = 32;

    private final KeyId keyId;
    private final byte[] bytes;
    private final Ed25519PublicKeyParameters params;

    /** A public key; throws IllegalArgumentException unless {@code bytes} is a valid 32-byte point. */
    public Ed25519PublicKey(KeyId keyId, byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + bytes.length);
        }
        this.keyId = keyId;
        this.bytes = bytes.clone();
        this.params = new Ed25519PublicKeyParameters(this.bytes, 0);
    }

    /** The key id that signatures by this key carry. */
    public KeyId keyId() {
        return keyId;
    }

    /** A copy of the 32 raw key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Throws BadSignatureException unless {@code sig} is this key's valid signature of {@code message}. */
    public void verify(byte[] message, Ed25519Signature sig) throws BadSignatureException {
        checkKeyId(sig);
        if (!Ed25519Engine.verify(params(), message, sig.bytes())) {
            throw new BadSignatureException(keyId, "the signature does not match the data");
        }
        checkTrustedComment(sig);
    }

    /** Like {@link #verify(byte[], Ed25519Signature)}, reading the message from a stream (not closed). */
    public void verify(InputStream message, Ed25519Signature sig) throws BadSignatureException, IOException {
        checkKeyId(sig);
        if (!Ed25519Engine.verify(params(), message, sig.bytes())) {
            throw new BadSignatureException(keyId, "the signature does not match the data");
        }
        checkTrustedComment(sig);
    }

    private void checkKeyId(Ed25519Signature sig) throws BadSignatureException {
        if (!sig.keyId().equals(keyId)) {
            throw new BadSignatureException(keyId, "the signature was made by key " + sig.keyId().hex());
        }
    }

    private void checkTrustedComment(Ed25519Signature sig) throws BadSignatureException {
        if (sig.trustedComment().isPresent()) {
            byte[] signed = SignifyText.concat(sig.bytes(),
                    sig.trustedComment().get().getBytes(StandardCharsets.UTF_8));
            if (!Ed25519Engine.verify(params(), signed, sig.globalSignature())) {
                throw new BadSignatureException(keyId, "the trusted comment's signature does not match");
            }
        }
    }

    private Ed25519PublicKeyParameters params() {
        return params;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey k && keyId.equals(k.keyId) && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + keyId.hex() + "]";
    }
}
