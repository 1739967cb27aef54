package dev.kimigayo.isn.core.fileplan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.kimigayo.isn.core.root.RootGuard;

/** What is already at a path in the root, judged without following symlinks. */
public enum RootPaths {
    ABSENT, DIRECTORY, FILE, SYMLINK, OTHER;

    /** The kind of thing at {@code p}. */
    static RootPaths at(Path p) {
        BasicFileAttributes a;
        try {
            // One lstat: planning asks this for every path and ancestor of a transaction.
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // Missing, or (as for Files.exists) not examinable: absent; creating it then fails loudly.
            return ABSENT;
        }
        if (a.isSymbolicLink()) {
            return SYMLINK;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        return a.isRegularFile() ? FILE : OTHER;
    }

    /**
     * True when {@code rel} is a usr-merge directory link ({@code bin -> usr/bin}) whose target,
     * taken inside the root (never the host's), is a real directory.
     */
    static boolean isUsrMergeLink(Path root, String rel) throws IOException {
        return new RootGuard(root).usrMergeTarget(rel) != null;
    }

    /** The lower-case hex SHA-256 of a regular file's content. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
