package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 with the JDK's built-in implementation (CPU intrinsics), in lower-case hex. */
public final class Sha256 {

    private static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    /** A fresh SHA-256 digest from the JDK's own provider; every Java runtime has it. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-256", e);
        }
    }

    /** Lower-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The SHA-256 of {@code data} in lower-case hex. */
    public static String ofBytes(byte[] data) {
        return hex(newDigest().digest(data));
    }

    /** The SHA-256 of a file's content in lower-case hex, read in bounded memory. */
    public static String ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ofStream(in);
        }
    }

    /** The SHA-256 of everything left in {@code in} (not closed) in lower-case hex. */
    public static String ofStream(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }
}
