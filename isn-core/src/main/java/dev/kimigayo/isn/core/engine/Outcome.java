package dev.kimigayo.isn.core.engine;

import java.util.List;

import dev.kimigayo.isn.core.commit.CommitResult;
import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.HeldBack;
import dev.kimigayo.isn.core.plan.KeptPackage;
import dev.kimigayo.isn.core.plan.Plan;

/**
 * The result of a package-management request: the plan and, unless it was a dry run, declined or
 * nothing had to change, what the commit did.
 *
 * @param plan      the plan that was shown and, when committed, run
 * @param dryRun    whether only planned
 * @param declined  whether the confirmation said no (nothing changed)
 * @param commit    what the commit did, or null (dry run, declined, or nothing to do)
 */
public record Outcome(Plan plan, boolean dryRun, boolean declined, CommitResult commit) {

    /** The planned changes. */
    public List<Change> changes() {
        return plan.changes();
    }

    /** For a removal: named packages that stay because something needs them. */
    public List<KeptPackage> kept() {
        return plan.kept();
    }

    /** For an upgrade: named packages that stay at an older version, with why. */
    public List<HeldBack> heldBack() {
        return plan.heldBack();
    }
}
