package dev.kimigayo.isn.e2e.real;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything about a directory tree that an installation must reproduce, one line per path:
 * type, all twelve mode bits, numeric owner, content hash or link target, and the other names
 * of a hardlinked file. mtimes are left out: packages carry a fixed one.
 */
final class TreeDiff {

    private TreeDiff() {
    }

    /** The description of every path under {@code root} except those starting with one of {@code skip}. */
    static Map<String, String> describe(Path root, Set<String> skip) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Map<Object, Set<String>> inodes = new java.util.HashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(dir).toString();
                if (skip.contains(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!rel.isEmpty()) {
                    out.put(rel, line(dir, inodes, rel));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString();
                if (!skip.contains(rel)) {
                    out.put(rel, line(file, inodes, rel));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Set<String> names : inodes.values()) {
            if (names.size() > 1) {
                for (String n : names) {
                    out.put(n, out.get(n) + " links=" + names);
                }
            }
        }
        return out;
    }

    /** Every path whose description differs, as readable lines (at most {@code limit}). */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual, int limit) {
        List<String> diff = new ArrayList<>();
        Set<String> all = new TreeSet<>(expected.keySet());
        all.addAll(actual.keySet());
        for (String p : all) {
            String e = expected.get(p);
            String a = actual.get(p);
            if (!java.util.Objects.equals(e, a) && diff.size() < limit) {
                diff.add("/" + p + ": expected [" + e + "], installed [" + a + "]");
            }
        }
        return diff;
    }

    private static String line(Path p, Map<Object, Set<String>> inodes, String rel) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,ino,dev,nlink", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        String type = switch (mode & 0170000) {
            case 0040000 -> "dir";
            case 0100000 -> "file";
            case 0120000 -> "symlink";
            default -> "other";
        };
        StringBuilder s = new StringBuilder(type);
        if (!type.equals("symlink")) {
            s.append(String.format(" %04o", mode & 07777));
        }
        s.append(' ').append(a.get("uid")).append(':').append(a.get("gid"));
        if (type.equals("symlink")) {
            s.append(" -> ").append(Files.readSymbolicLink(p));
        } else if (type.equals("file")) {
            s.append(" sha256=").append(sha256(p));
            if ((Integer) a.get("nlink") > 1) {
                inodes.computeIfAbsent(List.of(a.get("dev"), a.get("ino")), k -> new TreeSet<>()).add(rel);
            }
        }
        return s.toString();
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
