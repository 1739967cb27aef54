package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Reads and writes key files in signify's format (docs/format-keys.md): {@code .pub} files that
 * signify and minisign read, and unencrypted {@code .sec} files that signify reads.
 */
public final class KeyFiles {

    static final byte[] KDF_BCRYPT = {'B', 'K'};
    private static final int PUBLIC_PAYLOAD = 2 + KeyId.LENGTH + Ed25519PublicKey.LENGTH;
    private static final int SALT = 16;
    private static final int CHECKSUM = 8;
    private static final int SECRET_PAYLOAD = 2 + 2 + 4 + SALT + CHECKSUM + KeyId.LENGTH + 64;

    private KeyFiles() {
    }

    /** Reads a public key file. */
    public static Ed25519PublicKey readPublic(Path file) throws IOException, MalformedKeyException {
        return parsePublic(readBounded(file), file.toString());
    }

    /** Reads an unencrypted secret key file. */
    public static Ed25519SecretKey readSecret(Path file) throws IOException, MalformedKeyException {
        return parseSecret(readBounded(file), file.toString());
    }

    /** Writes {@code key} to a new file (mode 0644); refuses to replace an existing one. */
    public static void writePublic(Path file, Ed25519PublicKey key, String label) throws IOException {
        NewFile.write(file, encodePublic(key, label), "rw-r--r--");
    }

    /**
     * Writes {@code key} to a new file with mode 0600, atomically (a reader sees no file or the
     * whole file); refuses to replace an existing one with FileAlreadyExistsException.
     */
    public static void writeSecret(Path file, Ed25519SecretKey key, String label) throws IOException {
        NewFile.write(file, encodeSecret(key, label), "rw-------");
    }

    /** The public key file content; its comment line reads {@code <label> public key}. */
    public static byte[] encodePublic(Ed25519PublicKey key, String label) {
        StringBuilder out = new StringBuilder();
        SignifyText.write(out, SignifyText.UNTRUSTED, SignifyText.requireComment(label + " public key"),
                SignifyText.concat(SignifyText.ALG_ED, key.keyId().bytes(), key.bytes()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The unencrypted secret key file content; its comment line reads {@code <label> secret key}. */
    public static byte[] encodeSecret(Ed25519SecretKey key, String label) {
        byte[] seckey = SignifyText.concat(key.seed(), key.publicKey().bytes());
        // kdf rounds 0 means "not encrypted"; the salt is then unused, zeros keep the file deterministic.
        byte[] payload = SignifyText.concat(SignifyText.ALG_ED, KDF_BCRYPT, new byte[4], new byte[SALT],
                checksum(seckey), key.keyId().bytes(), seckey);
        StringBuilder out = new StringBuilder();
        SignifyText.write(out, SignifyText.UNTRUSTED, SignifyText.requireComment(label + " secret key"), payload);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses public key file content, naming {@code source} in errors. */
    public static Ed25519PublicKey parsePublic(byte[] content, String source) throws MalformedKeyException {
        try {
            SignifyText.Reader r = new SignifyText.Reader(content);
            r.comment(SignifyText.UNTRUSTED, "line 1 (untrusted comment)");
            byte[] p = r.base64(PUBLIC_PAYLOAD, "line 2 (public key)");
            if (!r.atEnd()) {
                throw new SignifyText.Defect("unexpected data after line 2; a public key file has two lines");
            }
            checkAlgorithm(p);
            KeyId id = KeyId.of(Arrays.copyOfRange(p, 2, 2 + KeyId.LENGTH));
            try {
                return new Ed25519PublicKey(id, Arrays.copyOfRange(p, 2 + KeyId.LENGTH, PUBLIC_PAYLOAD));
            } catch (IllegalArgumentException e) {
                throw new SignifyText.Defect("line 2 (public key): not a valid Ed25519 public key");
            }
        } catch (SignifyText.Defect d) {
            throw new MalformedKeyException(source, d.getMessage());
        }
    }

    /** Parses unencrypted secret key file content, naming {@code source} in errors. */
    public static Ed25519SecretKey parseSecret(byte[] content, String source) throws MalformedKeyException {
        try {
            SignifyText.Reader r = new SignifyText.Reader(content);
            r.comment(SignifyText.UNTRUSTED, "line 1 (untrusted comment)");
            byte[] p = r.base64(SECRET_PAYLOAD, "line 2 (secret key)");
            if (!r.atEnd()) {
                throw new SignifyText.Defect("unexpected data after line 2; a secret key file has two lines");
            }
            checkAlgorithm(p);
            if (p[2] != 'B' || p[3] != 'K') {
                throw new SignifyText.Defect("line 2 (secret key): key derivation is not 'BK' (bcrypt_pbkdf)");
            }
            int rounds = ((p[4] & 0xff) << 24) | ((p[5] & 0xff) << 16) | ((p[6] & 0xff) << 8) | (p[7] & 0xff);
            if (rounds != 0) {
                throw new SignifyText.Defect("the secret key is protected by a passphrase (kdf rounds "
                        + Integer.toUnsignedString(rounds) + "); isn reads only unencrypted keys,"
                        + " made by 'isn keygen' or 'signify -G -n'");
            }
            int at = 8 + SALT;
            byte[] sum = Arrays.copyOfRange(p, at, at + CHECKSUM);
            KeyId id = KeyId.of(Arrays.copyOfRange(p, at + CHECKSUM, at + CHECKSUM + KeyId.LENGTH));
            byte[] seckey = Arrays.copyOfRange(p, at + CHECKSUM + KeyId.LENGTH, SECRET_PAYLOAD);
            if (!MessageDigest.isEqual(sum, checksum(seckey))) {
                throw new SignifyText.Defect("checksum mismatch: the secret key is corrupt");
            }
            Ed25519SecretKey key = new Ed25519SecretKey(id, Arrays.copyOf(seckey, 32));
            if (!Arrays.equals(key.publicKey().bytes(), Arrays.copyOfRange(seckey, 32, 64))) {
                throw new SignifyText.Defect("the public half stored in the secret key does not match its seed");
            }
            return key;
        } catch (SignifyText.Defect d) {
            throw new MalformedKeyException(source, d.getMessage());
        }
    }

    private static void checkAlgorithm(byte[] payload) throws SignifyText.Defect {
        if (payload[0] != 'E' || payload[1] != 'd') {
            throw new SignifyText.Defect("line 2: algorithm is not 'Ed' (Ed25519)");
        }
    }

    /** signify's checksum: the first 8 bytes of SHA-512 over the 64-byte secret key. */
    private static byte[] checksum(byte[] seckey) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seckey), CHECKSUM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-512", e);
        }
    }

    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // One byte over the limit is enough for the parser to report the file as too large.
            return in.readNBytes(SignifyText.MAX_FILE + 1);
        }
    }
}
