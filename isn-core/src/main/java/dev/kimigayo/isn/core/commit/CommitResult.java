package dev.kimigayo.isn.core.commit;

import java.util.List;

import dev.kimigayo.isn.core.plan.Change;

/**
 * What a committed transaction did.
 *
 * @param changes         the package changes, in the order applied
 * @param failedScripts   {@code post_*} scripts that failed (the change itself is committed)
 * @param notes           messages about kept configuration files
 * @param installedCount  packages installed afterwards
 * @param installedBytes  their total installed size
 */
public record CommitResult(List<Change> changes, List<FailedScript> failedScripts, List<String> notes,
        int installedCount, long installedBytes) {

    /** Freezes the lists. */
    public CommitResult {
        changes = List.copyOf(changes);
        failedScripts = List.copyOf(failedScripts);
        notes = List.copyOf(notes);
    }

    /** A {@code post_*} script that failed. */
    public record FailedScript(String pkg, String script, int exitCode) {
    }
}
