package dev.kimigayo.isn.core.planner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.kimigayo.isn.core.plan.KeptPackage;
import dev.kimigayo.isn.core.solver.InstalledPackage;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/** What a removal is told before and after planning: unknown names refused, kept packages explained. */
final class RemovalCheck {

    private RemovalCheck() {
    }

    /** Refuses the whole request when a target names nothing installed and nothing in the world. */
    static void requireKnown(String verb, List<Constraint> targets, Universe universe)
            throws UnknownPackageException {
        List<String> unknown = targets.stream().map(Constraint::name).filter(n -> !universe.knows(n)).distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownPackageException(verb, unknown);
        }
    }

    /** The targets the plan leaves installed, each with the installed packages and world entries that need it. */
    static List<KeptPackage> kept(List<Constraint> targets, Solution plan) {
        List<KeptPackage> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Constraint t : targets) {
            for (InstalledPackage ip : plan.installed()) {
                SolverPackage p = ip.pkg();
                if (matches(p, t.name()) && seen.add(p.name())) {
                    kept.add(new KeptPackage(p.name(), p.version(), dependents(p, plan), worldEntries(p, plan)));
                }
            }
        }
        return kept;
    }

    private static List<String> dependents(SolverPackage kept, Solution plan) {
        List<String> by = new ArrayList<>();
        for (InstalledPackage ip : plan.installed()) {
            SolverPackage p = ip.pkg();
            if (!p.name().equals(kept.name())
                    && p.depends().stream().anyMatch(d -> !d.conflict() && matches(kept, d.name()))) {
                by.add(p.name());
            }
        }
        return by.stream().sorted().toList();
    }

    private static List<String> worldEntries(SolverPackage kept, Solution plan) {
        List<String> by = new ArrayList<>();
        for (Constraint w : plan.world()) {
            if (!w.conflict() && matches(kept, w.name())) {
                by.add(w.toString());
            }
        }
        return by.stream().sorted().toList();
    }

    private static boolean matches(SolverPackage p, String name) {
        return p.name().equals(name) || p.provides().stream().map(Provide::name).anyMatch(name::equals);
    }
}
