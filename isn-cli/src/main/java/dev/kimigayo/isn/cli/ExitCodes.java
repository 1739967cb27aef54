package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;

/** The process exit codes of isn, in one place; docs/exit-codes.md and --help list the same. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation failed or a check answered "no" (e.g. {@code version -c} found invalid versions). */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** No plan satisfies the request, or the plan conflicts with the root; nothing changed. */
    public static final int UNSATISFIABLE = 3;
    public static final int INTEGRITY = 4;
    public static final int FETCH = 5;
    public static final int LOCKED = 6;
    /** A plan was offered for commit to a root that changed since it was made; nothing changed. */
    public static final int STALE = 7;
    /**
     * Ctrl-C or SIGTERM (128 + SIGINT, the shell's convention): stopped before the commit point with
     * nothing changed, or after a commit it let finish; stderr says which.
     */
    public static final int CANCELLED = 130;
    /** A bug in isn: an unexpected exception. */
    public static final int INTERNAL = 70;

    /** The text shown at the end of {@code isn --help}. */
    public static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0   success%n"
            + "  1   the operation failed, or a check answered no%n"
            + "  2   usage error: bad command line or bad input%n"
            + "  3   no installation plan satisfies the request, or it conflicts with files%n"
            + "      in the root (another package's file, a file/directory clash); nothing changed%n"
            + "  4   integrity or trust failure (signature, hash, malformed or hostile data)%n"
            + "  5   a repository or file could not be fetched%n"
            + "  6   another isn process holds the lock%n"
            + "  7   the root changed since the plan was made; nothing changed, plan again%n"
            + "  70  internal error (a bug in isn)%n"
            + "  130 interrupted (Ctrl-C, SIGTERM): stopped with nothing changed, or after%n"
            + "      finishing a commit already past its commit point (stderr says which)";

    private ExitCodes() {
    }

    /** The exit code for a failure reported by isn-core. */
    public static int of(IsnException e) {
        return switch (e.kind()) {
            case USAGE -> USAGE;
            case UNSATISFIABLE, CONFLICT -> UNSATISFIABLE;
            case INTEGRITY -> INTEGRITY;
            case FETCH -> FETCH;
            case LOCKED -> LOCKED;
            case FAILED -> FAILED;
            case STALE -> STALE;
            case CANCELLED -> CANCELLED;
        };
    }
}
