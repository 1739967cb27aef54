package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Pure Ed25519 (RFC 8032) through Bouncy Castle's lightweight API; no JCA provider involved. */
final class Ed25519Engine {

    /**
     * The largest streamed message accepted for signing. Pure Ed25519, as signify and minisign
     * legacy use it, hashes the message twice when signing (the nonce from the secret key and the
     * message, then k over R ‖ A ‖ message), so Bouncy Castle buffers it whole. Verifying hashes it
     * once, after R and A, so it streams ({@link Ed25519StreamVerifier}) and has no limit.
     */
    static final long MAX_MESSAGE = 256L * 1024 * 1024;

    private Ed25519Engine() {
    }

    static byte[] publicKeyOf(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    /**
     * Signs a message held in memory. Straight through the key's own method, not
     * {@link Ed25519Signer}: the signer copies the message into a growing buffer, so a 32 MB index
     * would briefly take three times its size on the heap.
     */
    static byte[] sign(byte[] seed, byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        new Ed25519PrivateKeyParameters(seed, 0).sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                signature, 0);
        return signature;
    }

    static byte[] sign(byte[] seed, InputStream message) throws IOException, MessageTooLargeException {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        feed(signer, message);
        return signer.generateSignature();
    }

    /** Verifies a message held in memory, without the copy {@link Ed25519Signer} makes (see {@link #sign(byte[], byte[])}). */
    static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        return signature.length == Ed25519.SIGNATURE_SIZE
                && key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    /**
     * Verifies a message read from a stream, in constant memory: not through {@link Ed25519Signer},
     * which would buffer all of it, but hashed as it streams ({@link Ed25519StreamVerifier}).
     */
    static boolean verify(Ed25519PublicKeyParameters key, InputStream message, byte[] signature) throws IOException {
        return Ed25519StreamVerifier.verify(key.getEncoded(), message, signature);
    }

    private static void feed(Ed25519Signer signer, InputStream in) throws IOException, MessageTooLargeException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > MAX_MESSAGE) {
                throw new MessageTooLargeException(MAX_MESSAGE);
            }
            signer.update(buffer, 0, n);
        }
    }
}
