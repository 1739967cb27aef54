package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.plan.Change;

/**
 * Progress of an engine operation, reported to an {@link EngineListener}; the core never prints.
 * Units of work come in pairs, as libalpm's START/DONE events: a {@link PhaseStarted},
 * {@link DownloadStarted} or {@link ChangeStarted} is followed by exactly one matching finish
 * event, also when the operation fails or is cancelled, and the finish says how it ended. Changes
 * nest inside the UNPACK phase and downloads inside INDEXES or DOWNLOAD; the other events are
 * single facts. docs/architecture.md, "Progress events".
 */
public sealed interface EngineEvent {

    /**
     * The stretches of work an operation goes through, in this order;
     * {@link PhaseStarted#total} counts the units named.
     */
    enum Phase {
        /** Reading, fetching and verifying repository indexes; units: repositories. */
        INDEXES,
        /** Fetching the plan's package files and checking them against the plan; units: bytes to fetch. */
        DOWNLOAD,
        /** Reading and verifying every package's signature and manifest, planning the file changes; units: changes. */
        VERIFY,
        /** Writing package files to temporary names beside their targets; units: files. */
        UNPACK,
        /** Running {@code pre_*} scripts; units: scripts. */
        PRE_SCRIPTS,
        /**
         * Renaming staged files into place
         * (from the first rename on, the change is carried through); units: renames.
         */
        PLACE,
        /** Recording the change in the database and the world file; units: changes. */
        COMMIT,
        /** Running {@code post_*} scripts and removing what the transaction replaced; units: scripts. */
        POST_SCRIPTS
    }

    /** How a unit of work ended. */
    enum Ending {
        /** It did all it had to. */
        OK,
        /** It stopped on an error; the operation throws it (and a change that had not reached COMMIT is undone). */
        FAILED,
        /** It stopped because the caller cancelled, or a download because another one failed. */
        CANCELLED
    }

    /** A phase begins with {@code total} units to do ({@link Phase} says which units), or -1 when not known. */
    record PhaseStarted(Phase phase, long total) implements EngineEvent {
    }

    /** The phase begun by the last {@link PhaseStarted} is over. */
    record PhaseFinished(Phase phase, Ending ending) implements EngineEvent {
    }

    /**
     * Fetching the file {@code what} begins (possibly on a download thread, several at once under
     * different names); {@code size} is the size the signed index promises, or -1 when only a cap is known.
     */
    record DownloadStarted(String what, long size) implements EngineEvent {
    }

    /** Fetching {@code what} is over, with {@code bytes} written (0 when the held copy was current or it failed). */
    record DownloadFinished(String what, long bytes, Ending ending) implements EngineEvent {
    }

    /** A change of the plan is about to be applied ({@code index} counts from 1). */
    record ChangeStarted(int index, int total, Change change) implements EngineEvent {
    }

    /**
     * The change's own work (its files verified and staged) is over; it takes effect with the
     * COMMIT phase, so a change that ended OK is still undone if a later phase fails.
     */
    record ChangeFinished(int index, int total, Change change, Ending ending) implements EngineEvent {
    }

    /** Bytes of a download so far; {@code total} is -1 when unknown. */
    record Download(String what, long done, long total) implements EngineEvent {
    }

    /**
     * Installing, after every download: {@code done} of {@code total} units of {@code phase}
     * ({@code UNPACK}: files written to their temporary names; {@code PLACE}: renames into place),
     * {@code pkg} the package being unpacked, or null while placing.
     */
    record InstallProgress(InstallPhase phase, String pkg, long done, long total) implements EngineEvent {
    }

    /** The phases {@link InstallProgress} reports. */
    enum InstallPhase {
        /** Extracting and verifying package files into temporary names beside their targets. */
        UNPACK,
        /** Renaming staged files into place and moving replaced ones aside. */
        PLACE
    }

    /** A repository index was fetched (or found unchanged) and verified. */
    record IndexUpdated(String repository, long serial, int packages, boolean unchanged) implements EngineEvent {
    }

    /** Something the user should know that does not stop the operation. */
    record Warning(String message) implements EngineEvent {
    }

    /** Something worth knowing that is expected and harmless (shown calmly, not as a warning). */
    record Note(String message) implements EngineEvent {
    }

    /** A package script failed; the operation goes on (post-scripts) and reports it at the end. */
    record ScriptFailed(String pkg, String script, int exitCode) implements EngineEvent {
    }

    /** A line a package script printed (its stdout and stderr, merged). */
    record ScriptOutput(String pkg, String script, String line) implements EngineEvent {
    }

    /** Recovery rolled an interrupted transaction back or forward before this operation. */
    record Recovered(String txn, boolean rolledForward) implements EngineEvent {
    }

    /** The transaction completed a named step (used for fault injection; never shown). */
    record Step(String name) implements EngineEvent {
    }
}
