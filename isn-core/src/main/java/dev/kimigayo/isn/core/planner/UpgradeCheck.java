package dev.kimigayo.isn.core.planner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.HeldBack;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.solver.Explanation;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Version;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Why a named upgrade left a package where it was. The plain upgrade settles quietly for what
 * fits; to say why, this asks the solver once more for the newest version of that one package
 * ({@code --latest}) and turns its explanation into a reason: a constraint, a pin, a conflict,
 * or no repository offering the package at all.
 */
final class UpgradeCheck {

    private final Universe universe;
    private final List<LoadedRepository> repos;
    private final Solver solver;
    private final String arch;

    UpgradeCheck(Universe universe, List<LoadedRepository> repos, Solver solver, String arch) {
        this.universe = universe;
        this.repos = repos;
        this.solver = solver;
        this.arch = arch;
    }

    /** The named targets the plan does not upgrade although they are not at the newest version offered. */
    List<HeldBack> heldBack(List<Constraint> targets, Solution plan) throws IsnException {
        List<HeldBack> held = new ArrayList<>();
        Set<String> names = targets.stream().map(Constraint::name).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String name : names) {
            InstalledPackage p = universe.installed(name);
            if (p == null || !p.version().equals(versionAfter(plan, name))) {
                continue;
            }
            Offer newest = newest(name);
            if (newest == null) {
                held.add(new HeldBack(name, p.version(), null, HeldBack.Kind.NOT_OFFERED, p.repository(),
                        null, null, null));
            } else if (Version.compare(newest.version(), p.version()) > 0) {
                held.add(reason(name, p.version(), newest));
            }
        }
        return held;
    }

    private static String versionAfter(Solution plan, String name) {
        return plan.installed().stream().filter(i -> i.pkg().name().equals(name)).map(i -> i.pkg().version())
                .findFirst().orElse(null);
    }

    /** A version offered, and the tag of the repository it is in (null for untagged). */
    private record Offer(String version, String tag) {
    }

    private Offer newest(String name) {
        Offer best = null;
        for (LoadedRepository r : repos) {
            for (IndexEntry e : r.index().packages()) {
                String a = e.info().architecture();
                boolean fits = a == null || a.equals("noarch") || a.equals(arch);
                if (fits && e.info().name().equals(name)
                        && (best == null || Version.compare(e.info().version(), best.version()) > 0
                        || e.info().version().equals(best.version()) && best.tag() != null)) {
                    best = new Offer(e.info().version(), r.entry().tag().orElse(null));
                }
            }
        }
        return best;
    }

    private HeldBack reason(String name, String installed, Offer newest) throws IsnException {
        Explanation why;
        try {
            solver.solve(universe.world(), SolveRequest.upgrade(List.of(Constraint.parse(name))).withLatest(true));
            why = null;
        } catch (UnsatisfiableException e) {
            why = e.explanation();
        }
        String pinnedWorld = universe.world().stream().filter(w -> w.name().equals(name) && !w.conflict())
                .map(Constraint::toString).findFirst().orElse(name);
        HeldBack.Kind kind;
        if (newest.tag() != null && (why == null || why.cause() == Explanation.Cause.TAG_NOT_ALLOWED)) {
            kind = HeldBack.Kind.PINNED;
        } else if (why == null) {
            kind = HeldBack.Kind.NEEDS_LATEST;
        } else {
            kind = switch (why.cause()) {
                case DECLARED_CONFLICT -> HeldBack.Kind.CONFLICT;
                case LATEST_UNSUITABLE, NO_MATCHING_VERSION, VERSION_CONFLICT -> HeldBack.Kind.CONSTRAINT;
                default -> HeldBack.Kind.UNINSTALLABLE;
            };
        }
        return new HeldBack(name, installed, newest.version(), kind, null, newest.tag(), pinnedWorld, why);
    }
}
