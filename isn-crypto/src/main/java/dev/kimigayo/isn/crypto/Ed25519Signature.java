package dev.kimigayo.isn.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An Ed25519 signature with the id of the key that made it, in the signify/minisign-legacy file
 * form described in docs/format-keys.md. It may carry a minisign trusted comment and that
 * comment's "global" signature; isn writes both so that minisign can verify isn's files too.
 */
public final class Ed25519Signature {

    /** Length of a raw Ed25519 signature in bytes. */
    public static final int LENGTH = 64;
    private static final int PAYLOAD = 2 + KeyId.LENGTH + LENGTH;

    private final KeyId keyId;
    private final byte[] bytes;
    private final String untrustedComment;
    private final String trustedComment;
    private final byte[] globalSignature;

    /** A bare signature (signify form, no trusted comment) with a default untrusted comment. */
    public Ed25519Signature(KeyId keyId, byte[] bytes) {
        this(keyId, bytes, defaultUntrustedComment(keyId), null, null);
    }

    Ed25519Signature(KeyId keyId, byte[] bytes, String untrustedComment, String trustedComment, byte[] globalSignature) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("Ed25519 signature must be 64 bytes, got " + bytes.length);
        }
        if ((trustedComment == null) != (globalSignature == null)) {
            throw new IllegalArgumentException("trusted comment and its signature go together");
        }
        this.keyId = keyId;
        this.bytes = bytes.clone();
        this.untrustedComment = SignifyText.requireComment(untrustedComment);
        this.trustedComment = trustedComment == null ? null : SignifyText.requireComment(trustedComment);
        this.globalSignature = globalSignature == null ? null : globalSignature.clone();
    }

    static String defaultUntrustedComment(KeyId keyId) {
        return "signature from isn key " + keyId.hex();
    }

    static String defaultTrustedComment(KeyId keyId) {
        return "isn signature, key " + keyId.hex();
    }

    /** The id of the key that made this signature. */
    public KeyId keyId() {
        return keyId;
    }

    /** A copy of the 64 signature bytes (over the message itself). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The minisign trusted comment, if the file has one. */
    public Optional<String> trustedComment() {
        return Optional.ofNullable(trustedComment);
    }

    /** The signature over {@code bytes() || trustedComment}, or null without a trusted comment. */
    byte[] globalSignature() {
        return globalSignature == null ? null : globalSignature.clone();
    }

    /** The signature file: two lines (signify), or four with the trusted comment (minisign legacy). */
    public byte[] encode() {
        StringBuilder out = new StringBuilder(256);
        SignifyText.write(out, SignifyText.UNTRUSTED, untrustedComment,
                SignifyText.concat(SignifyText.ALG_ED, keyId.bytes(), bytes));
        if (trustedComment != null) {
            SignifyText.write(out, SignifyText.TRUSTED, trustedComment, globalSignature);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a signature file; see {@link #decode(byte[], String)}. */
    public static Ed25519Signature decode(byte[] file) throws MalformedSignatureException {
        return decode(file, "signature");
    }

    /** Parses a signature file, naming {@code source} (a path or archive entry) in errors. */
    public static Ed25519Signature decode(byte[] file, String source) throws MalformedSignatureException {
        try {
            SignifyText.Reader r = new SignifyText.Reader(file);
            String comment = r.comment(SignifyText.UNTRUSTED, "line 1 (untrusted comment)");
            byte[] payload = r.base64(PAYLOAD, "line 2 (signature)");
            if (payload[0] != 'E' || payload[1] != 'd') {
                throw new SignifyText.Defect("line 2 (signature): algorithm is not 'Ed' (pure Ed25519)"
                        + ("ED".equals(new String(payload, 0, 2, StandardCharsets.ISO_8859_1))
                                ? "; minisign's prehashed 'ED' signatures are not supported, sign with minisign -l" : ""));
            }
            KeyId id = KeyId.of(Arrays.copyOfRange(payload, 2, 2 + KeyId.LENGTH));
            byte[] sig = Arrays.copyOfRange(payload, 2 + KeyId.LENGTH, PAYLOAD);
            if (r.atEnd()) {
                return new Ed25519Signature(id, sig, comment, null, null);
            }
            String trusted = r.comment(SignifyText.TRUSTED, "line 3 (trusted comment)");
            byte[] global = r.base64(LENGTH, "line 4 (trusted comment signature)");
            if (!r.atEnd()) {
                throw new SignifyText.Defect("unexpected data after line 4");
            }
            return new Ed25519Signature(id, sig, comment, trusted, global);
        } catch (SignifyText.Defect d) {
            throw new MalformedSignatureException(source, d.getMessage());
        }
    }

    /** Signatures are equal when their file forms are, comments included. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature s && Arrays.equals(encode(), s.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Ed25519Signature[key " + keyId.hex() + "]";
    }
}
