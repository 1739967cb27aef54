package dev.kimigayo.isn.e2e.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The exact content of a root (type, mode, content hash, link target), with or without isn's own state. */
public final class RootTree {

    private RootTree() {
    }

    /** Every path of {@code root} except {@code var/lib/isn} and {@code var/cache/isn}. */
    public static Map<String, String> of(Path root) throws Exception {
        return walk(root, rel -> rel.startsWith("var/lib/isn") || rel.startsWith("var/cache/isn"));
    }

    /**
     * Every path of {@code root} including the database files and the caches, byte for byte; only
     * the lock file is left out (each writer stores its pid there, for information).
     */
    public static Map<String, String> withState(Path root) throws Exception {
        return walk(root, rel -> rel.equals("var/lib/isn/lock"));
    }

    private static Map<String, String> walk(Path root, Predicate<String> skip) throws Exception {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || skip.test(rel)) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    tree.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(rel, "dir");
                } else {
                    String mode = Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode") & 07777);
                    tree.put(rel, "file " + mode + " " + sha256(p));
                }
            }
        }
        return tree;
    }

    /** Paths anywhere under {@code root} whose names mark isn temporaries or backups. */
    public static java.util.List<String> leftovers(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString())
                    .filter(p -> p.contains(".isn-new.") || p.contains(".isn-old.") || p.contains(".isn-tmp.")
                            || p.startsWith("var/lib/isn/tmp/"))
                    .toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
