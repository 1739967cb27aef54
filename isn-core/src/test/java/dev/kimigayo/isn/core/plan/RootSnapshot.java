package dev.kimigayo.isn.core.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a root with its type, content hash and modification time, to compare before and after. */
final class RootSnapshot {

    private RootSnapshot() {
    }

    /** Everything, exactly (a dry run). */
    static Map<String, String> of(Path root) throws IOException {
        return of(root, true);
    }

    /**
     * Everything but what opening the root for writing touches by design: the lock file (it
     * records the holder's pid) and the state directory's time (the database's write-ahead log
     * comes and goes).
     */
    static Map<String, String> content(Path root) throws IOException {
        Map<String, String> all = of(root, false);
        all.remove("var/lib/isn/lock");
        all.put("var/lib/isn", "dir");
        return all;
    }

    private static Map<String, String> of(Path root, boolean exact) throws IOException {
        Map<String, String> all = new TreeMap<>();
        if (!Files.exists(root)) {
            return all;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(key, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    all.put(key, exact ? "dir " + mtime : "dir");
                } else {
                    all.put(key, "file " + Arrays.hashCode(Files.readAllBytes(p)) + " " + mtime);
                }
            }
        }
        return all;
    }
}
