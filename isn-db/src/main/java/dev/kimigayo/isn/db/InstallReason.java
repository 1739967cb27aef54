package dev.kimigayo.isn.db;

/** Why a package is installed: the user asked for it, or another package needs it. */
public enum InstallReason {
    /** Named by the user (in the world). */
    EXPLICIT,
    /** Pulled in to satisfy another package; an orphan once nothing needs it. */
    DEPENDENCY
}
