package dev.kimigayo.isn.core.engine;

import java.util.List;

/**
 * The result of a package-management request: the planned changes and, unless it was a dry run
 * or nothing had to change, what the commit did; plus the named packages the request could not
 * change, with why.
 *
 * @param changes   the planned changes
 * @param dryRun    whether only planned
 * @param commit    what the commit did, or null (dry run, or nothing to do)
 * @param kept      for a removal: named packages that stay because something needs them
 * @param heldBack  for an upgrade: named packages that stay at an older version, with why
 */
public record Outcome(List<Change> changes, boolean dryRun, CommitResult commit, List<KeptPackage> kept,
        List<HeldBack> heldBack) {

    /** Freezes the lists. */
    public Outcome {
        changes = List.copyOf(changes);
        kept = List.copyOf(kept);
        heldBack = List.copyOf(heldBack);
    }

    /** An outcome with nothing kept or held back. */
    public Outcome(List<Change> changes, boolean dryRun, CommitResult commit) {
        this(changes, dryRun, commit, List.of(), List.of());
    }

    /** A copy carrying what the commit did. */
    public Outcome withCommit(CommitResult c) {
        return new Outcome(changes, dryRun, c, kept, heldBack);
    }
}
