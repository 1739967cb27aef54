package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependency solver: (repositories, installed packages, world, request, architecture) to a
 * {@link Solution}, or a refusal with an {@link Explanation}. Pure and deterministic: the same input
 * gives the same plan. Prepare once per loaded index with {@link #prepare}, then call
 * {@link #solve} as often as needed.
 */
public final class Solver {
    private final List<Repository> repositories;
    private final List<InstalledPackage> installed;
    private final String arch;
    private final ProvidesPolicy policy;
    private final Universe universe;
    /** Steps of the depth-first search before the learning search decides (tests lower it). */
    private long depthFirstSteps = DEPTH_FIRST_STEPS;

    private Solver(List<Repository> repositories, List<InstalledPackage> installed, String arch,
            ProvidesPolicy policy) {
        this.repositories = List.copyOf(repositories);
        this.installed = List.copyOf(installed);
        this.arch = arch;
        this.policy = policy;
        this.universe = Universe.build(this.repositories, this.installed, List.of(), arch, policy);
    }

    /** Compiles the repositories and the installed database for the architecture {@code arch}, apk rules. */
    public static Solver prepare(List<Repository> repositories, List<InstalledPackage> installed, String arch) {
        return new Solver(repositories, installed, arch, ProvidesPolicy.EXCLUSIVE);
    }

    /** As {@link #prepare(List, List, String)}, with another rule for versioned provides. */
    public static Solver prepare(List<Repository> repositories, List<InstalledPackage> installed, String arch,
            ProvidesPolicy policy) {
        return new Solver(repositories, installed, arch, policy);
    }

    /** One-shot convenience: prepare, then solve. */
    public static Solution solve(List<Repository> repositories, List<InstalledPackage> installed, String arch,
            List<Constraint> world, SolveRequest request) throws IsnException {
        return prepare(repositories, installed, arch).solve(world, request);
    }

    /**
     * Applies {@code request} to {@code world} and finds the plan that satisfies the new world.
     *
     * @throws UnsatisfiableException when no plan exists (with the explanation)
     * @throws TooComplexException    when the search bound is hit
     * @throws InvalidRequestException when the request is malformed
     */
    public Solution solve(List<Constraint> world, SolveRequest request) throws IsnException {
        List<Constraint> newWorld = WorldEdit.apply(world, request);
        Universe u = universe;
        if (request.virtual() != null && request.operation() == SolveRequest.Operation.ADD) {
            SolverPackage v = request.virtual().toPackage(request.targets());
            u = Universe.build(repositories, installed, List.of(v), arch, policy);
        }
        Attempt full = new Attempt(u, request, depthFirstSteps);
        Outcome out = full.run(newWorld);
        if (out.ok()) {
            return PlanBuilder.build(u, full, out.selection(), newWorld, installed, List.of());
        }
        if (!request.forceBrokenWorld()) {
            throw new UnsatisfiableException(out.explanation());
        }
        List<Constraint> kept = new ArrayList<>();
        List<UnsatisfiableException> skipped = new ArrayList<>();
        for (Constraint c : WorldEdit.sorted(newWorld)) {
            List<Constraint> trial = new ArrayList<>(kept);
            trial.add(c);
            Outcome o = new Attempt(u, request, depthFirstSteps).run(trial);
            if (o.ok()) {
                kept.add(c);
            } else {
                skipped.add(new UnsatisfiableException(o.explanation()));
            }
        }
        Attempt last = new Attempt(u, request, depthFirstSteps);
        Outcome o = last.run(kept);
        return PlanBuilder.build(u, last, o.selection(), newWorld, installed, skipped);
    }

    /** This solver with another depth-first budget: 0 makes the learning search decide every request (tests). */
    Solver withDepthFirstSteps(long steps) {
        Solver s = new Solver(repositories, installed, arch, policy);
        s.depthFirstSteps = steps;
        return s;
    }

    /** The result of one attempt: the chosen packages, or the explanation of the failure. */
    record Outcome(Selection selection, Explanation explanation) {
        boolean ok() {
            return explanation == null;
        }
    }

    /**
     * Steps of the depth-first search before the learning search takes over: it finds apk's
     * preferred plan in a few hundred steps on real graphs, and past this it is thrashing.
     */
    static final long DEPTH_FIRST_STEPS = 20_000;

    /** One complete solve of a given world, retrying without install_if packages that cannot fit. */
    static final class Attempt {
        final Universe u;
        final SolveRequest request;
        final Flags flags;
        final long depthFirstSteps;

        Attempt(Universe u, SolveRequest request, long depthFirstSteps) {
            this.u = u;
            this.depthFirstSteps = depthFirstSteps;
            this.request = request;
            this.flags = Flags.of(u, request);
        }

        Outcome run(List<Constraint> world) throws TooComplexException {
            Set<Integer> declined = new HashSet<>();
            while (true) {
                Selection s = new Selection(u);
                Candidates c = new Candidates(u, s, request.prune(), flags.named(), flags.namedInherit(),
                        flags.held());
                Search search = new Search(u, c, Math.min(request.stepLimit(), depthFirstSteps), declined);
                List<Req> reqs = flags.worldRequirements(world, c);
                boolean found;
                try {
                    found = search.run(reqs);
                } catch (TooComplexException e) {
                    if (request.stepLimit() <= depthFirstSteps) {
                        throw e;
                    }
                    // The quick search thrashes: the learning search decides, without a bound a
                    // distribution reaches (a conflict is never learned twice).
                    Learning learning = new Learning(u, new Candidates(u, new Selection(u), request.prune(),
                            flags.named(), flags.namedInherit(), flags.held()));
                    Selection learned = learning.run(reqs, request.stepLimit());
                    if (learned == null) {
                        Explanation why = Proof.explain(u, new Candidates(u, new Selection(u), request.prune(),
                                flags.named(), flags.namedInherit(), flags.held()), reqs, learning.vars, search.firstFailure);
                        if (why == null) {
                            why = firstFailure(reqs, declined);
                        }
                        if (why == null) {
                            throw e;
                        }
                        return new Outcome(null, why);
                    }
                    // install_if as the depth-first search applies it: a depth-first search that
                    // tries the learned packages first (so it finds them without backtracking)
                    // queues the triggers and can still revise a choice a trigger needs changed.
                    Candidates guided = new Candidates(u, new Selection(u), request.prune(), flags.named(),
                            flags.namedInherit(), flags.held());
                    guided.hint = learned.selected;
                    search = new Search(u, guided, Math.min(request.stepLimit(), DEPTH_FIRST_STEPS), declined);
                    try {
                        found = search.run(reqs);
                    } catch (TooComplexException again) {
                        // Revising thrashes too: install_if over the learned selection as it is.
                        search = new Search(u, new Candidates(u, learned, request.prune(), flags.named(),
                                flags.namedInherit(), flags.held()), request.stepLimit(), declined);
                        found = search.run(reqs);
                    }
                }
                if (found) {
                    return new Outcome(search.s, null);
                }
                Integer next = search.failedIif.stream().filter(n -> !declined.contains(n)).findFirst().orElse(null);
                if (next == null) {
                    return new Outcome(null, search.firstFailure);
                }
                declined.add(next);
            }
        }

        /** The first failure of a depth-first search with the usual budget (when a test skipped it). */
        private Explanation firstFailure(List<Req> reqs, Set<Integer> declined) {
            Search search = new Search(u, new Candidates(u, new Selection(u), request.prune(), flags.named(),
                    flags.namedInherit(), flags.held()), DEPTH_FIRST_STEPS, declined);
            try {
                search.run(reqs);
            } catch (TooComplexException e) {
                // what it met before the budget is all an explanation needs
            }
            return search.firstFailure;
        }
    }
}
