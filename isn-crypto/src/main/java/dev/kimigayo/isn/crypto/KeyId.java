package dev.kimigayo.isn.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 8-byte key number that links a signature to its key (signify's {@code keynum}). Shown as
 * 16 lower-case hex digits of the bytes in file order; note that minisign prints the same bytes
 * reversed (as a little-endian integer).
 */
public final class KeyId {

    /** Length of a key id in bytes. */
    public static final int LENGTH = 8;

    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The key id made of exactly {@value #LENGTH} bytes. */
    public static KeyId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("key id must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new KeyId(bytes.clone());
    }

    /** The key id written as 16 hex digits (either case). */
    public static KeyId ofHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("key id must be 16 hex digits: " + hex);
        }
        return new KeyId(HexFormat.of().parseHex(hex));
    }

    /** The key id as a big-endian 64-bit number, as OpenPGP writes key ids. */
    public static KeyId ofLong(long id) {
        byte[] b = new byte[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            b[i] = (byte) id;
            id >>>= 8;
        }
        return new KeyId(b);
    }

    /** A copy of the 8 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 16 lower-case hex digits of the bytes in file order. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
