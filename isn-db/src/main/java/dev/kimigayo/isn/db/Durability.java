package dev.kimigayo.isn.db;

/**
 * How hard a commit tries to reach stable storage; matches the CLI's {@code --sync}/{@code --no-sync}.
 * See docs/database.md for the guarantee of each mode.
 */
public enum Durability {
    /**
     * {@code PRAGMA synchronous=FULL}: a commit that returned survives a process crash, an OS
     * crash and a power loss. The default for the host root.
     */
    SYNC,
    /**
     * {@code PRAGMA synchronous=NORMAL} (in WAL mode): a commit that returned survives a process
     * crash; after an OS crash or power loss the last commits may be rolled back, but the
     * database is never corrupt. For image builds, where the output is discarded on failure.
     */
    NO_SYNC
}
