package dev.kimigayo.isn.core;

/**
 * Base of every failure isn-core reports to its caller: a condition the user can understand and
 * usually fix. Subclasses are named for the condition and carry its data; the CLI maps each
 * {@link Kind} to one exit code and uses {@link #code()} as the stable identifier in JSON output.
 */
public abstract class IsnException extends Exception {

    /** The families of failure; each maps to one documented exit code. */
    public enum Kind {
        /** Bad command line or bad user-supplied input (a constraint, a version, a PKGINFO). */
        USAGE,
        /** The solver found no plan. */
        UNSATISFIABLE,
        /**
         * The plan is refused by what is already there: a path owned by another package, a
         * directory where the package has a file (or the reverse), a symlink on the way.
         */
        CONFLICT,
        /** Signature, hash, trust, rollback/freeze, malformed or hostile package or index. */
        INTEGRITY,
        /** A repository or file could not be fetched. */
        FETCH,
        /** Another isn process holds the write lock. */
        LOCKED,
        /** The operation could not complete (I/O error, failing script). */
        FAILED,
        /** A plan was offered for commit to a root that changed since it was made; nothing changed. */
        STALE,
        /** The caller cancelled (Ctrl-C) before the commit point; nothing changed. */
        CANCELLED
    }

    protected IsnException(String message) {
        super(message);
    }

    protected IsnException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable identifier such as {@code "bad-signature"}. */
    public abstract String code();

    /** The family of this failure, which decides the exit code. */
    public abstract Kind kind();
}
