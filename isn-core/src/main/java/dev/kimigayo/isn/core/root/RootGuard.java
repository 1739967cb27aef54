package dev.kimigayo.isn.core.root;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;

/**
 * Reaches paths inside a root without following a symlink in any ancestor, checked with
 * {@code lstat} at the moment of use: every file isn creates, renames, changes or deletes goes
 * through {@link #resolve}. The only links crossed are usr-merge directory links
 * ({@code bin -> usr/bin}), and those are replaced by their target inside the root, so an
 * absolute link target never leads to the host's {@code /usr/bin} under {@code --root}.
 */
public final class RootGuard {

    /** Top-level links a usr-merged system has; isn may write through them and only them. */
    private static final Map<String, Set<String>> USR_MERGE = Map.of(
            "bin", Set.of("usr/bin", "/usr/bin"),
            "sbin", Set.of("usr/sbin", "/usr/sbin", "usr/bin", "/usr/bin"),
            "lib", Set.of("usr/lib", "/usr/lib"),
            "lib32", Set.of("usr/lib32", "/usr/lib32"),
            "lib64", Set.of("usr/lib64", "/usr/lib64", "usr/lib", "/usr/lib"),
            "libx32", Set.of("usr/libx32", "/usr/libx32"),
            "usr/sbin", Set.of("bin"));

    private final Path root;
    /** Link-free directories this guard found real; null when nothing is remembered. See {@link #caching}. */
    private final java.util.NavigableSet<String> known;

    /** A guard for {@code root} (absolute and normalised by the caller's {@link RootLayout}). */
    public RootGuard(Path root) {
        this(root, null);
    }

    private RootGuard(Path root, java.util.NavigableSet<String> known) {
        this.root = root.toAbsolutePath().normalize();
        this.known = known;
    }

    /**
     * A guard that remembers each ancestor it found to be a real directory and does not look at
     * it again: installing 10,000 files otherwise repeated the {@code lstat} of {@code usr} and
     * {@code usr/share} tens of thousands of times. Only for one phase in which nothing moves,
     * removes or replaces an existing directory of the root: planning, journalling, creating new
     * directories, staging temporaries. Isn holds the root's lock and runs no package script in
     * such a phase, so a directory found real stays real; an absent one is never remembered. The
     * renames of a commit and the clean-up after it change the root one path at a time: their
     * guard is made after the scripts before them ran and {@link #forget}s each path it changes.
     * Rollback uses a plain guard, which looks every time.
     */
    public static RootGuard caching(Path root) {
        return new RootGuard(root, new java.util.TreeSet<>());
    }

    /**
     * Forgets what a caching guard found at {@code resolved} (a path it returned) and below it:
     * call after moving or removing that path, so a directory renamed away or replaced is looked at
     * again. Lets a guard remember across a phase that changes the root one known path at a time.
     */
    public void forget(Path resolved) {
        if (known == null || known.isEmpty()) {
            return;
        }
        String rel = root.relativize(resolved).toString();
        if (known.remove(rel)) {
            // Sorted, so what lies below is one range: "rel/" up to "rel0" ('0' follows '/').
            known.subSet(rel + "/", rel + "0").clear();
        }
    }

    /** The root this guard protects. */
    public Path root() {
        return root;
    }

    /** {@link #resolve(String)} for an absolute path under the root. */
    public Path resolve(Path absolute) throws IOException {
        return resolve(root.relativize(absolute.toAbsolutePath().normalize()).toString());
    }

    /**
     * The absolute path of {@code rel} with every ancestor verified to be a real directory (or a
     * usr-merge link, replaced by its target). An absent ancestor is fine: the operation then
     * fails, or finds nothing, on its own. The last component is not examined: callers use
     * operations that do not follow it (rename, unlink, {@code O_NOFOLLOW}).
     *
     * @throws SymlinkInPathException an ancestor is another symlink
     */
    public Path resolve(String rel) throws IOException {
        int slash = rel.lastIndexOf('/');
        if (slash < 0) {
            return root.resolve(rel);
        }
        String real = realDirectory(rel, rel.substring(0, slash));
        return real == null ? root.resolve(rel) : root.resolve(real).resolve(rel.substring(slash + 1));
    }

    /** The in-root target of usr-merge link {@code rel} when it is one and leads to a real directory, else null. */
    public String usrMergeTarget(String rel) throws IOException {
        Set<String> allowed = USR_MERGE.get(rel);
        Path link = root.resolve(rel);
        if (allowed == null || !Files.isSymbolicLink(link)) {
            return null;
        }
        String target = Files.readSymbolicLink(link).toString();
        if (!allowed.contains(target)) {
            return null;
        }
        int slash = rel.lastIndexOf('/');
        String inRoot = target.startsWith("/") ? target.substring(1)
                : (slash < 0 ? target : rel.substring(0, slash + 1) + target);
        for (String prefix = inRoot; ; ) {
            if (kind(prefix) != Kind.DIRECTORY) {
                return null;
            }
            int s = prefix.lastIndexOf('/');
            if (s < 0) {
                return inRoot;
            }
            prefix = prefix.substring(0, s);
        }
    }

    /** The real (link-free) form of directory {@code dir}, or null when a component is absent. */
    private String realDirectory(String rel, String dir) throws IOException {
        if (known != null && known.contains(dir)) {
            return dir;
        }
        StringBuilder real = new StringBuilder();
        for (String part : dir.split("/")) {
            int mark = real.length();
            if (mark > 0) {
                real.append('/');
            }
            real.append(part);
            String next = real.toString();
            if (known != null && known.contains(next)) {
                continue;
            }
            switch (kind(next)) {
                case ABSENT -> {
                    return null;
                }
                case DIRECTORY -> {
                    if (known != null) {
                        known.add(next);
                    }
                }
                case SYMLINK -> {
                    String target = usrMergeTarget(next);
                    if (target == null) {
                        throw new SymlinkInPathException(rel, next, readLink(next));
                    }
                    real.setLength(0);
                    real.append(target);
                }
                case OTHER -> throw new java.nio.file.NotDirectoryException(root.resolve(next).toString());
            }
        }
        return real.toString();
    }

    private String readLink(String rel) {
        try {
            return Files.readSymbolicLink(root.resolve(rel)).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private enum Kind { ABSENT, DIRECTORY, SYMLINK, OTHER }

    private Kind kind(String rel) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(root.resolve(rel), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return a.isSymbolicLink() ? Kind.SYMLINK : a.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
        } catch (NoSuchFileException e) {
            return Kind.ABSENT;
        }
    }
}
