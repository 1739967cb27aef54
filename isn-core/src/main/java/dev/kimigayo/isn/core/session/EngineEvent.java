package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.plan.Change;

/** Progress of an engine operation, reported to an {@link EngineListener}; the core never prints. */
public sealed interface EngineEvent {

    /** A change of the plan is about to be applied ({@code index} counts from 1). */
    record ChangeStarted(int index, int total, Change change) implements EngineEvent {
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
