package dev.kimigayo.isn.core.root;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where isn keeps its state under a root directory (DESIGN.md decision 2). Every path isn reads
 * or writes derives from one of these, so {@code --root DIR} works without privileges.
 */
public record RootLayout(Path root) {

    /** {@link #configDir()} relative to the root. */
    public static final String CONFIG_DIR = "etc/isn";
    /** {@link #repositoriesFile()} relative to the root. */
    public static final String REPOSITORIES_FILE = CONFIG_DIR + "/repositories";
    /** {@link #worldFile()} relative to the root. */
    public static final String WORLD_FILE = CONFIG_DIR + "/world";
    /** {@link #keysDir()} relative to the root. */
    public static final String KEYS_DIR = CONFIG_DIR + "/keys";
    /** {@link #stateDir()} relative to the root: the database, its journal files, the lock, stored scripts. */
    public static final String STATE_DIR = "var/lib/isn";
    /** {@link #cacheDir()} relative to the root. */
    public static final String CACHE_DIR = "var/cache/isn";

    /** The layout of {@code root}, made absolute and normalised. */
    public RootLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code etc/isn}: configuration. */
    public Path configDir() {
        return root.resolve(CONFIG_DIR);
    }

    /** {@code etc/isn/repositories}: one repository per line. */
    public Path repositoriesFile() {
        return root.resolve(REPOSITORIES_FILE);
    }

    /** {@code etc/isn/world}: the user's declared constraints, one per line. */
    public Path worldFile() {
        return root.resolve(WORLD_FILE);
    }

    /** {@code etc/isn/keys}: trusted public keys. */
    public Path keysDir() {
        return root.resolve(KEYS_DIR);
    }

    /** {@code var/lib/isn}: the database and the lock. */
    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    /** {@code var/lib/isn/isn.db}: the SQLite package database. */
    public Path databaseFile() {
        return stateDir().resolve("isn.db");
    }

    /** {@code var/lib/isn/lock}: the file whose OS lock admits one writer at a time. */
    public Path lockFile() {
        return stateDir().resolve("lock");
    }

    /** {@code var/cache/isn}: downloaded indexes and packages. */
    public Path cacheDir() {
        return root.resolve(CACHE_DIR);
    }

    /** The absolute location of a path inside the root given relative to it ({@code usr/bin/vim}). */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The path of {@code absolute} relative to the root, with {@code /} separators. */
    public String relativize(Path absolute) {
        return root.relativize(absolute.toAbsolutePath().normalize()).toString();
    }

    /** True when this root has been initialised (its state directory exists). */
    public boolean isInitialized() {
        return Files.isDirectory(stateDir());
    }

    /** True when this is the host root {@code /}, where durable (fsync) writes are the default. */
    public boolean isHostRoot() {
        return root.getParent() == null;
    }

    /** Creates the directories of the layout ({@code --initdb}); existing ones are kept. */
    public void initialize() throws IOException {
        for (Path dir : new Path[] {configDir(), keysDir(), stateDir(), cacheDir()}) {
            Files.createDirectories(dir);
        }
    }
}
