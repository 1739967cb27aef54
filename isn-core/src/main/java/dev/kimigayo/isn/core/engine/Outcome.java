package dev.kimigayo.isn.core.engine;

import java.util.List;

/**
 * The result of a package-management request: the planned changes and, unless it was a dry run
 * or nothing had to change, what the commit did.
 */
public record Outcome(List<Change> changes, boolean dryRun, CommitResult commit) {

    /** Freezes the list. */
    public Outcome {
        changes = List.copyOf(changes);
    }
}
