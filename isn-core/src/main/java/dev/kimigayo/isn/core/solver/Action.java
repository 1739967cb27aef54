package dev.kimigayo.isn.core.solver;

/** What one step of a plan does to one package name. */
public enum Action {
    /** A package that was not installed gets installed. */
    INSTALL,
    /** A newer version replaces the installed one. */
    UPGRADE,
    /** An older version replaces the installed one. */
    DOWNGRADE,
    /** Another build of the same version replaces the installed one. */
    REPLACE,
    /** The same package is installed again (requested with fix). */
    REINSTALL,
    /** The same package stays but is now pinned to another repository tag. */
    REPIN,
    /** The installed package is removed. */
    REMOVE
}
