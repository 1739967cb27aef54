package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Pure Ed25519 (RFC 8032) through Bouncy Castle's lightweight API; no JCA provider involved. */
final class Ed25519Engine {

    /**
     * The largest streamed message accepted. Pure Ed25519, as signify and minisign legacy use it,
     * hashes the message twice when signing, so Bouncy Castle buffers it whole.
     */
    static final long MAX_MESSAGE = 256L * 1024 * 1024;

    private Ed25519Engine() {
    }

    static byte[] publicKeyOf(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    static byte[] sign(byte[] seed, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static byte[] sign(byte[] seed, InputStream message) throws IOException, MessageTooLargeException {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        feed(signer, message);
        return signer.generateSignature();
    }

    static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    static boolean verify(Ed25519PublicKeyParameters key, InputStream message, byte[] signature)
            throws IOException, MessageTooLargeException {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        feed(verifier, message);
        return verifier.verifySignature(signature);
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
