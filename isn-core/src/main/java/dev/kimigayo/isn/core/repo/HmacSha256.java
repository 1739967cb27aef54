package dev.kimigayo.isn.core.repo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256. Not {@code javax.crypto.Mac}: finding an HMAC
 * there makes the JDK load and register every security provider and parse its crypto policy,
 * ~13 ms of each command that reads or writes a cached index, while the SHA-256 it needs comes
 * from the first provider, already loaded. Same bytes out as {@code Mac.getInstance("HmacSHA256")}
 * (HmacSha256Test checks them against it).
 */
final class HmacSha256 {

    private static final int BLOCK = 64;

    private final MessageDigest inner = sha256();
    private final MessageDigest outer = sha256();
    private final byte[] outerPad = new byte[BLOCK];

    HmacSha256(byte[] key) {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] innerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        inner.update(innerPad);
        Arrays.fill(innerPad, (byte) 0);
    }

    void update(byte b) {
        inner.update(b);
    }

    void update(byte[] b, int off, int len) {
        inner.update(b, off, len);
    }

    /** The MAC of everything given so far; the instance is then used up. */
    byte[] doFinal() {
        outer.update(outerPad);
        outer.update(inner.digest());
        Arrays.fill(outerPad, (byte) 0);
        return outer.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
