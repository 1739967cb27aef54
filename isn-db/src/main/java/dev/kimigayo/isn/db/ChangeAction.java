package dev.kimigayo.isn.db;

/** What a transaction did to one package, as shown in the history. */
public enum ChangeAction {
    /** Newly installed. */
    INSTALL,
    /** Replaced by a newer version. */
    UPGRADE,
    /** Replaced by an older version. */
    DOWNGRADE,
    /** Replaced by the same version. */
    REINSTALL,
    /** Removed. */
    REMOVE
}
