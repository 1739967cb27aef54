package dev.kimigayo.isn.core.plan;

import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.db.InstallReason;

/**
 * An immutable changeset: everything {@link dev.kimigayo.isn.core.engine.Transaction#commit}
 * needs to carry out a request and everything a front end needs to show it. What is shown
 * ({@code --dry-run}, {@code --interactive}, {@code --json}) is read from this object, and commit
 * runs this object, so the two cannot differ. The package files are fetched at commit, each
 * checked against the size and SHA-256 recorded here; a repository that changes after planning
 * cannot change what is installed.
 */
public final class Plan {

    private final PackageRequest request;
    private final String label;
    private final StateGuard guard;
    private final List<PlannedStep> steps;
    private final List<PackageId> installedAfter;
    private final List<String> worldBefore;
    private final List<String> world;
    private final List<KeptPackage> kept;
    private final List<HeldBack> heldBack;
    private final List<String> notes;
    // What commit needs beyond what is shown: the executable steps, where to fetch, reason updates.
    private final List<TxnStep> txnSteps;
    private final List<LoadedRepository> repositories;
    private final Map<String, InstallReason> reasons;

    /** Made by the planner only; front ends read plans, they do not build them. */
    public Plan(PackageRequest request, String label, StateGuard guard, List<PlannedStep> steps,
            List<PackageId> installedAfter,
            List<String> worldBefore, List<String> world, List<KeptPackage> kept, List<HeldBack> heldBack,
            List<String> notes, List<TxnStep> txnSteps, List<LoadedRepository> repositories, Map<String, InstallReason> reasons) {
        this.request = request;
        this.label = label;
        this.guard = guard;
        this.steps = List.copyOf(steps);
        this.installedAfter = List.copyOf(installedAfter);
        this.worldBefore = List.copyOf(worldBefore);
        this.world = List.copyOf(world);
        this.kept = List.copyOf(kept);
        this.heldBack = List.copyOf(heldBack);
        this.notes = List.copyOf(notes);
        this.txnSteps = List.copyOf(txnSteps);
        this.repositories = List.copyOf(repositories);
        this.reasons = Map.copyOf(reasons);
    }

    /** The request this plan answers. */
    public PackageRequest request() {
        return request;
    }

    /** The request in words, as the history records it ({@code add vim}, {@code install --locked}, {@code undo 4}). */
    public String label() {
        return label;
    }

    /** The fingerprint of the root state the plan was made against; commit refuses any other. */
    public StateGuard guard() {
        return guard;
    }

    /** The package steps in the order commit applies them (removals first, dependencies before dependents). */
    public List<PlannedStep> steps() {
        return steps;
    }

    /** The package-level changes, in order. */
    public List<Change> changes() {
        return steps.stream().map(PlannedStep::change).toList();
    }

    /** Every package installed after the commit, by name. */
    public List<PackageId> installedAfter() {
        return installedAfter;
    }

    /** The world before the commit. */
    public List<String> worldBefore() {
        return worldBefore;
    }

    /** The world after the commit. */
    public List<String> world() {
        return world;
    }

    /** For a removal: named packages that stay because something needs them. */
    public List<KeptPackage> kept() {
        return kept;
    }

    /** For an upgrade: named packages that stay at an older version, with why. */
    public List<HeldBack> heldBack() {
        return heldBack;
    }

    /** What the plan cannot do that was asked of it, in words (for {@code undo}: what it cannot restore). */
    public List<String> notes() {
        return notes;
    }

    /** True when committing would change neither a package nor the world. */
    public boolean isEmpty() {
        return steps.isEmpty() && reasons.isEmpty()
                && world.stream().sorted().toList().equals(worldBefore.stream().sorted().toList());
    }

    /** The executable steps commit runs, in order. */
    public List<TxnStep> txnSteps() {
        return txnSteps;
    }

    /** The repositories, as loaded for planning, that commit fetches the package files from. */
    public List<LoadedRepository> repositories() {
        return repositories;
    }

    /** Installed packages whose reason (explicit or dependency) changes without another change. */
    public Map<String, InstallReason> reasons() {
        return reasons;
    }
}
