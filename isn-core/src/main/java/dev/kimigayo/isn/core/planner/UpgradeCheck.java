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
                held.add(new HeldBack(name, p.version(), null, "no configured repository offers " + name
                        + (p.repository() == null ? "" : " (it was installed from " + p.repository() + ")")));
            } else if (Version.compare(newest.version(), p.version()) > 0) {
                held.add(new HeldBack(name, p.version(), newest.version(), reason(name, newest)));
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

    private String reason(String name, Offer newest) throws IsnException {
        Explanation why;
        try {
            solver.solve(universe.world(), SolveRequest.upgrade(List.of(Constraint.parse(name))).withLatest(true));
            why = null;
        } catch (UnsatisfiableException e) {
            why = e.explanation();
        }
        String pinnedWorld = universe.world().stream().filter(w -> w.name().equals(name) && !w.conflict())
                .map(Constraint::toString).findFirst().orElse(name);
        if (newest.tag() != null && (why == null || why.cause() == Explanation.Cause.TAG_NOT_ALLOWED)) {
            return "pinned: " + newest.version() + " is only in the repository tagged @" + newest.tag()
                    + ", which the world entry " + pinnedWorld + " does not allow; 'isn add " + name + "@"
                    + newest.tag() + "' allows it";
        }
        if (why == null) {
            return newest.version() + " needs other changes the plain upgrade avoids; 'isn upgrade --latest "
                    + name + "' takes it";
        }
        String chains = why.requirements().stream().map(Explanation.Requirement::render)
                .collect(Collectors.joining(", and "));
        return switch (why.cause()) {
            case DECLARED_CONFLICT -> "conflict: " + newest.version() + " is forbidden ("
                    + why.requirements().stream().filter(r -> r.constraint().startsWith("!"))
                            .map(Explanation.Requirement::render).collect(Collectors.joining(", and ")) + ")";
            case LATEST_UNSUITABLE, NO_MATCHING_VERSION, VERSION_CONFLICT ->
                "held back by a constraint: " + chains + " (" + newest.version() + " is available)";
            default -> newest.version() + " is available but cannot be installed:"
                    + why.render().replace("\n  ", " ").replaceFirst("^ ", " ");
        };
    }
}
