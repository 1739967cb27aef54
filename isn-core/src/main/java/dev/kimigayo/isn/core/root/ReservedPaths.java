package dev.kimigayo.isn.core.root;

import java.util.List;

/**
 * The paths of a root that belong to isn itself, which no package may install: its state
 * ({@link RootLayout#STATE_DIR}: the database and its {@code -wal}/{@code -shm} files, the lock,
 * stored install scripts), its cache, the world and repository files, every name isn gives its
 * temporary, backup and config-protection files, and any non-directory on the way to them (a
 * symlink {@code var/lib} would redirect the database). Keys under {@link RootLayout#KEYS_DIR}
 * may come from a package: that is the root of trust (docs/security.md).
 */
public final class ReservedPaths {

    /** Prefix of a file staged beside its target until the rename ({@code .isn-new.TXN.name}). */
    public static final String STAGED_PREFIX = ".isn-new.";
    /** Prefix of a replaced or removed file kept until the commit ({@code .isn-old.TXN.name}). */
    public static final String BACKUP_PREFIX = ".isn-old.";
    /** Prefix of a small file being replaced atomically ({@code .isn-tmp.world.PID}). */
    public static final String ATOMIC_PREFIX = ".isn-tmp.";
    /** Suffix of the new version of a configuration file changed locally. */
    public static final String CONFIG_NEW_SUFFIX = ".isn-new";
    /** Suffix of a changed configuration file kept on removal. */
    public static final String CONFIG_SAVE_SUFFIX = ".isn-save";
    /** Suffix of a partial download. */
    public static final String PART_SUFFIX = ".isn-part";

    /** Every temporary name starts with it; no package file name may. */
    private static final String TEMPORARY_PREFIX = ".isn-";
    private static final List<String> OWN_DIRECTORIES = List.of(RootLayout.STATE_DIR, RootLayout.CACHE_DIR);
    private static final List<String> OWN_FILES = List.of(RootLayout.WORLD_FILE, RootLayout.REPOSITORIES_FILE);
    private static final List<String> MUST_BE_DIRECTORIES = List.of(RootLayout.KEYS_DIR);

    private ReservedPaths() {
    }

    /**
     * Why a package may not install {@code path} (relative, canonical), or null when it may;
     * {@code directory} tells whether the package has a directory there.
     */
    public static String problem(String path, boolean directory) {
        for (String dir : OWN_DIRECTORIES) {
            if (path.equals(dir) || path.startsWith(dir + "/")) {
                return "is inside " + dir + ", isn's own " + (dir.equals(RootLayout.CACHE_DIR) ? "cache"
                        : "database, lock and install scripts") + "; no package may write there";
            }
        }
        for (String file : OWN_FILES) {
            if (path.equals(file) || path.startsWith(file + "/")) {
                return "is isn's " + (file.equals(RootLayout.WORLD_FILE) ? "world file" : "repository list")
                        + ", which only the administrator and isn write";
            }
        }
        if (!directory && isOnTheWay(path)) {
            return "leads to isn's own state and must be a directory; a file or symlink there would redirect it";
        }
        for (String name : path.split("/")) {
            if (name.startsWith(TEMPORARY_PREFIX) || name.endsWith(CONFIG_NEW_SUFFIX)
                    || name.endsWith(CONFIG_SAVE_SUFFIX) || name.endsWith(PART_SUFFIX)) {
                return "the name '" + name + "' is one isn gives its temporary, backup or config-protection"
                        + " files (.isn-*, *.isn-new, *.isn-save, *.isn-part); rename it";
            }
        }
        return null;
    }

    /** True when {@code path} is an ancestor of isn's state (var, var/lib, etc/isn, etc/isn/keys, …). */
    private static boolean isOnTheWay(String path) {
        for (String own : List.of(RootLayout.STATE_DIR, RootLayout.CACHE_DIR, RootLayout.WORLD_FILE,
                RootLayout.REPOSITORIES_FILE)) {
            if (own.startsWith(path + "/")) {
                return true;
            }
        }
        return MUST_BE_DIRECTORIES.contains(path);
    }
}
