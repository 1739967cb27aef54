package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.List;
import java.util.Set;

/**
 * What the user asked for, on top of the current world. Build one with the static factories and
 * refine it with the {@code withX} copies.
 *
 * @param operation        add, remove, upgrade, fix, or just re-solve the world
 * @param targets          the constraints of the operation: what to add; for remove, upgrade and
 *                         fix only their names count (an empty upgrade means everything)
 * @param latest           always take the newest version of the targets (of everything for
 *                         upgrade), failing rather than settling for an older one
 * @param available        prefer packages the repositories still have; replace builds that only
 *                         the installed database knows
 * @param upgrade          for add and fix: upgrade the targets as well
 * @param depends          for fix and add: apply the same to the targets' dependencies
 * @param prune            forget installed packages that no repository has any more, and world
 *                         entries that only they satisfied
 * @param forceBrokenWorld install what can be installed, leaving unsatisfiable world entries out
 * @param ignore           names whose installed package must stay exactly as it is
 * @param virtual          for add: put the targets into this local meta-package, or null
 * @param stepLimit        search bound; past it the solver refuses with "too complex"
 */
public record SolveRequest(Operation operation, List<Constraint> targets, boolean latest, boolean available,
        boolean upgrade, boolean depends, boolean prune, boolean forceBrokenWorld, Set<String> ignore,
        VirtualPackage virtual, long stepLimit) {

    /** The default search bound: generous for real distributions, fast to hit for pathological input. */
    public static final long DEFAULT_STEP_LIMIT = 2_000_000;

    /** The kinds of operation. */
    public enum Operation {
        /** Re-solve the world as it is. */
        NONE,
        /** Add the targets to the world. */
        ADD,
        /** Remove the targets' names from the world. */
        REMOVE,
        /** Upgrade everything, or only the targets' names. */
        UPGRADE,
        /** Reinstall (or with upgrade, upgrade) the targets' names. */
        FIX
    }

    /** Copies the collections. */
    public SolveRequest {
        targets = List.copyOf(targets);
        ignore = Set.copyOf(ignore);
    }

    private static SolveRequest of(Operation op, List<Constraint> targets) {
        return new SolveRequest(op, targets, false, false, false, false, false, false, Set.of(), null,
                DEFAULT_STEP_LIMIT);
    }

    /** Re-solve the world unchanged (what {@code isn add} with no arguments does). */
    public static SolveRequest none() {
        return of(Operation.NONE, List.of());
    }

    /** Add constraints to the world (replacing entries of the same name). */
    public static SolveRequest add(List<Constraint> targets) {
        return of(Operation.ADD, targets);
    }

    /** Remove every world entry with one of these names. */
    public static SolveRequest remove(List<Constraint> targets) {
        return of(Operation.REMOVE, targets);
    }

    /** Upgrade these names, or everything when the list is empty. */
    public static SolveRequest upgrade(List<Constraint> targets) {
        return of(Operation.UPGRADE, targets);
    }

    /** Reinstall these names. */
    public static SolveRequest fix(List<Constraint> targets) {
        return of(Operation.FIX, targets);
    }

    /** A copy with {@link #latest} set. */
    public SolveRequest withLatest(boolean v) {
        return new SolveRequest(operation, targets, v, available, upgrade, depends, prune, forceBrokenWorld, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #available} set. */
    public SolveRequest withAvailable(boolean v) {
        return new SolveRequest(operation, targets, latest, v, upgrade, depends, prune, forceBrokenWorld, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #upgrade} set. */
    public SolveRequest withUpgrade(boolean v) {
        return new SolveRequest(operation, targets, latest, available, v, depends, prune, forceBrokenWorld, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #depends} set. */
    public SolveRequest withDepends(boolean v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, v, prune, forceBrokenWorld, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #prune} set. */
    public SolveRequest withPrune(boolean v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, depends, v, forceBrokenWorld, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #forceBrokenWorld} set. */
    public SolveRequest withForceBrokenWorld(boolean v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, depends, prune, v, ignore,
                virtual, stepLimit);
    }

    /** A copy with {@link #ignore} set. */
    public SolveRequest withIgnore(Set<String> v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, depends, prune, forceBrokenWorld, v,
                virtual, stepLimit);
    }

    /** A copy that puts the targets into a local meta-package. */
    public SolveRequest withVirtual(VirtualPackage v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, depends, prune, forceBrokenWorld,
                ignore, v, stepLimit);
    }

    /** A copy with another search bound. */
    public SolveRequest withStepLimit(long v) {
        return new SolveRequest(operation, targets, latest, available, upgrade, depends, prune, forceBrokenWorld,
                ignore, virtual, v);
    }
}
