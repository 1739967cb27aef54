package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The exact content of a directory tree (files, symlinks, directories) for before/after comparisons. */
final class TreeSnapshot {

    private TreeSnapshot() {
    }

    /** Every path under {@code root} except {@code exclude} (a relative prefix), mapped to its type and content. */
    static Map<String, String> of(Path root, String exclude) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || (exclude != null && rel.startsWith(exclude))) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    tree.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(rel, "dir");
                } else {
                    tree.put(rel, "file:" + Files.readString(p));
                }
            }
        }
        return tree;
    }
}
