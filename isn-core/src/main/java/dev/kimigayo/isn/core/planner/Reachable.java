package dev.kimigayo.isn.core.planner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexRelations;
import dev.kimigayo.isn.core.solver.InstalledPackage;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/**
 * Keeps of each loaded index only the packages a request can reach, so that the solver's universe,
 * and the packages decoded from the derived cache, are the size of the request rather than of the
 * repository (vim on a 65,000-package index reaches a few hundred).
 *
 * <p>The kept set is closed. Every name that a seed (world entry, target, installed or local
 * package) or a fully kept package <em>needs</em> — its own name, a dependency, a positive
 * install_if condition — has every package that owns or provides it fully kept; an install_if
 * package is fully kept once every positive condition names something kept (until then none of
 * its triggers can hold). The names a fully kept package owns, provides or excludes (conflicts,
 * negative conditions) have their packages kept too, without following what those need: the
 * solver checks them only against chosen packages, and lists them in explanations ("exists in the
 * indexes as"). The solver chooses a package only as a candidate of a name some requirement or
 * trigger asks for, so over the kept set it meets exactly the candidates, rejections, triggers and
 * explanations it would meet over the whole index, in the same order (positions stay ascending),
 * and gives the same answer ({@code ReachableEquivalenceTest}).
 */
public final class Reachable {

    private final List<LoadedRepository> repos;
    private final List<IndexRelations> relations = new ArrayList<>();
    /** Per index: the packages kept, and those of them whose needs are followed. */
    private final List<BitSet> kept = new ArrayList<>();
    private final List<BitSet> full = new ArrayList<>();
    /** Names whose packages are fully kept, and names whose packages are at least kept. */
    private final Set<String> needed = new HashSet<>();
    private final Set<String> touched = new HashSet<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();

    private Reachable(List<LoadedRepository> repos) {
        this.repos = repos;
        for (LoadedRepository r : repos) {
            relations.add(r.index().relations());
            kept.add(new BitSet());
            full.add(new BitSet());
        }
    }

    /** {@code repos}, each index reduced to what {@code seeds} (names) reach. */
    public static List<LoadedRepository> restrict(List<LoadedRepository> repos, Collection<String> seeds) {
        Reachable r = new Reachable(repos);
        seeds.forEach(r::need);
        r.close();
        List<LoadedRepository> out = new ArrayList<>();
        for (int i = 0; i < repos.size(); i++) {
            LoadedRepository repo = repos.get(i);
            int[] positions = r.kept.get(i).stream().toArray();
            out.add(positions.length == r.relations.get(i).size() ? repo
                    : new LoadedRepository(repo.entry(), repo.index().subset(positions)));
        }
        return out;
    }

    /**
     * The seeds of a request: {@code names} (targets, a virtual package's name), the world's names,
     * and every name the installed packages and the local files mention.
     */
    public static Set<String> seeds(Collection<String> names, List<Constraint> world,
            List<InstalledPackage> installed, List<SolverPackage> locals) {
        Set<String> seeds = new java.util.LinkedHashSet<>(names);
        world.forEach(c -> seeds.add(c.name()));
        installed.forEach(p -> seeds.addAll(mentions(p.pkg())));
        locals.forEach(p -> seeds.addAll(mentions(p)));
        return seeds;
    }

    /** Every name a package mentions, for seeding with packages that are not in an index (more is harmless). */
    private static List<String> mentions(SolverPackage p) {
        List<String> out = new ArrayList<>();
        out.add(p.name());
        p.provides().stream().map(Provide::name).forEach(out::add);
        p.depends().stream().map(Constraint::name).forEach(out::add);
        p.installIf().stream().map(Constraint::name).forEach(out::add);
        return out;
    }

    private void need(String name) {
        if (needed.add(name)) {
            queue.add(name);
        }
    }

    /** Follows the queue to its end, then adds the install_if packages whose conditions are reached, until nothing changes. */
    private void close() {
        boolean more = true;
        while (more) {
            while (!queue.isEmpty()) {
                String name = queue.poll();
                for (int i = 0; i < repos.size(); i++) {
                    IndexRelations rel = relations.get(i);
                    int id = rel.find(name);
                    if (id >= 0) {
                        for (int p : rel.providers(id)) {
                            keepFully(i, p);
                        }
                    }
                }
            }
            more = false;
            for (int i = 0; i < repos.size(); i++) {
                IndexRelations rel = relations.get(i);
                for (int p = 0; p < rel.size(); p++) {
                    if (!full.get(i).get(p) && rel.hasInstallIf(p) && conditionsReached(rel, p)) {
                        keepFully(i, p);
                        more = true;
                    }
                }
            }
        }
    }

    /** Whether every positive condition of {@code p} names something kept (or sought); a superset of "can hold". */
    private boolean conditionsReached(IndexRelations rel, int p) {
        for (int n : rel.installIfNames(p)) {
            String name = rel.name(n);
            if (!needed.contains(name) && !touched.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private void keepFully(int repo, int p) {
        if (full.get(repo).get(p)) {
            return;
        }
        full.get(repo).set(p);
        kept.get(repo).set(p);
        IndexRelations rel = relations.get(repo);
        for (int n : rel.needs(p)) {
            need(rel.name(n));
        }
        for (int n : rel.owns(p)) {
            touch(rel.name(n));
        }
        for (int n : rel.excludes(p)) {
            touch(rel.name(n));
        }
    }

    /** Keeps the packages of {@code name} without following what they need. */
    private void touch(String name) {
        if (!touched.add(name)) {
            return;
        }
        for (int i = 0; i < repos.size(); i++) {
            IndexRelations rel = relations.get(i);
            int id = rel.find(name);
            if (id >= 0) {
                for (int p : rel.providers(id)) {
                    kept.get(i).set(p);
                }
            }
        }
    }
}
