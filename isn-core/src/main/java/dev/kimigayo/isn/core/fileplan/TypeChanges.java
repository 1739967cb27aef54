package dev.kimigayo.isn.core.fileplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.root.RootLayout;

/**
 * Paths an upgrade turns from a file (or symlink) into a directory, or the reverse. Allowed only
 * when what is in the root there belongs to the packages being replaced and nothing else: a
 * changed configuration file or a path of another package (or of nobody) inside refuses it.
 * A new directory is staged whole under a temporary name beside it and renamed in one step;
 * a replaced directory moves aside whole, as the backup of that step (docs/transactions.md).
 */
final class TypeChanges {

    private final RootLayout root;
    private final FilePlanner.Owners owners;
    private final Set<String> leaving;
    private final boolean purge;
    private final Map<String, String> recordedHash = new HashMap<>();
    private final Set<String> leavingConfig = new HashSet<>();
    private final Map<String, String> toDirectory = new TreeMap<>();
    private final Map<String, String> toLeaf = new TreeMap<>();

    TypeChanges(RootLayout root, FilePlanner.Owners owners, Set<String> leaving, boolean purge) {
        this.root = root;
        this.owners = owners;
        this.leaving = leaving;
        this.purge = purge;
    }

    /** Learns the recorded hashes and configuration files of a package version being replaced. */
    void leaving(PackageFiles pkg) {
        for (FileEntry f : pkg.files()) {
            if (f.sha256() != null) {
                recordedHash.put(f.path(), f.sha256());
            }
            if (pkg.isConfig(f.path())) {
                leavingConfig.add(f.path());
            }
        }
    }

    /** Null when the file or symlink at {@code path} may give way to a directory; else why not. */
    String whyNotDirectory(String path, String usual) throws IOException {
        if (!ownedOnlyByLeaving(path)) {
            return usual;
        }
        if (changedConfig(path)) {
            return "/" + path + " is a configuration file you changed, and the new version has a directory there;"
                    + " move your copy away (or use --purge) and retry";
        }
        return null;
    }

    /** Null when the directory at {@code path}, with all it holds, may give way to a file; else why not. */
    String whyNotLeaf(String path, String usual) throws IOException {
        if (!ownedOnlyByLeaving(path)) {
            return usual;
        }
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(root.resolve(path))) {
            inside = walk.skip(1).toList();
        }
        for (Path p : inside) {
            String rel = root.root().relativize(p).toString();
            if (!ownedOnlyByLeaving(rel)) {
                Set<String> o = owners.of(rel);
                return usual + ", and /" + rel + " in it belongs to " + (o.isEmpty() ? "no package"
                        : String.join(", ", new TreeSet<>(o))) + ": move it away and retry";
            }
            if (changedConfig(rel)) {
                return "/" + rel + " is a configuration file you changed, and the new version replaces /" + path
                        + " with a file; move your copy away (or use --purge) and retry";
            }
        }
        return null;
    }

    /** Records that directory {@code path} replaces a file, staged whole at {@code temp} (relative to the root). */
    void toDirectory(String path, String temp) {
        toDirectory.put(path, temp);
    }

    /** Records that a file of {@code pkg} replaces directory {@code path}. */
    void toLeaf(String path, String pkg) {
        toLeaf.put(path, pkg);
    }

    /** The directories a file replaces, each with the package of that file. */
    Map<String, String> replacedDirectories() {
        return Map.copyOf(toLeaf);
    }

    /** The temporary name (relative) of directory {@code path} when it replaces a file, else null. */
    String stagedAt(String path) {
        return toDirectory.get(path);
    }

    /** Where {@code path}, inside a directory that replaces a file, is staged (relative); null when elsewhere. */
    String relocated(String path) {
        for (Map.Entry<String, String> d : toDirectory.entrySet()) {
            if (path.startsWith(d.getKey() + "/")) {
                return d.getValue() + path.substring(d.getKey().length());
            }
        }
        return null;
    }

    /** True when {@code path} is inside a directory that a file replaces: it goes away with it. */
    boolean insideReplacedDirectory(String path) {
        for (String d : toLeaf.keySet()) {
            if (path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    private boolean ownedOnlyByLeaving(String path) throws IOException {
        Set<String> o = owners.of(path);
        return !o.isEmpty() && leaving.containsAll(o);
    }

    private boolean changedConfig(String path) throws IOException {
        Path p = root.resolve(path);
        String recorded = recordedHash.get(path);
        return !purge && leavingConfig.contains(path) && recorded != null
                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !recorded.equals(RootPaths.sha256(p));
    }
}
