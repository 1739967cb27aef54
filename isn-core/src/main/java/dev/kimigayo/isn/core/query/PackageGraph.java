package dev.kimigayo.isn.core.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kimigayo.isn.core.version.Constraint;

/**
 * The dependency edges among a set of packages (an installed root, or a solver's answer): a
 * package points at every package of the set that satisfies one of its dependencies, and at every
 * package whose {@code install_if} conditions hold and name it. Conflicts are not edges.
 */
final class PackageGraph {

    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, List<DependencyEdge>> out = new HashMap<>();

    PackageGraph(Collection<GraphNode> packages) {
        for (GraphNode n : packages) {
            nodes.put(n.ref().name(), n);
            out.put(n.ref().name(), new ArrayList<>());
        }
        for (GraphNode n : packages) {
            for (Constraint c : n.depends()) {
                if (!c.conflict()) {
                    for (GraphNode to : satisfying(c)) {
                        out.get(n.ref().name()).add(new DependencyEdge(n.ref(), c.toString(), to.ref(),
                                DependencyEdge.Kind.DEPENDS));
                    }
                }
            }
            if (!n.installIf().isEmpty() && installIfHolds(n)) {
                for (Constraint c : n.installIf()) {
                    for (GraphNode from : c.conflict() ? List.<GraphNode>of() : satisfying(c)) {
                        out.get(from.ref().name()).add(new DependencyEdge(from.ref(), c.toString(), n.ref(),
                                DependencyEdge.Kind.INSTALL_IF));
                    }
                }
            }
        }
    }

    private boolean installIfHolds(GraphNode n) {
        for (Constraint c : n.installIf()) {
            if (satisfying(c).isEmpty() != c.conflict()) {
                return false;
            }
        }
        return true;
    }

    /** The packages of the set that satisfy {@code c} (its conflict flag ignored), in set order. */
    List<GraphNode> satisfying(Constraint c) {
        List<GraphNode> found = new ArrayList<>();
        for (GraphNode n : nodes.values()) {
            if (n.satisfies(c)) {
                found.add(n);
            }
        }
        return found;
    }

    /** The package called {@code name}, or null. */
    GraphNode node(String name) {
        return nodes.get(name);
    }

    /** The edges leaving {@code name}. */
    List<DependencyEdge> edgesFrom(String name) {
        return out.getOrDefault(name, List.of());
    }

    /** The dependency edges (not install_if) that end at {@code name}: who depends on it. */
    List<DependencyEdge> dependents(String name) {
        List<DependencyEdge> in = new ArrayList<>();
        for (List<DependencyEdge> edges : out.values()) {
            for (DependencyEdge e : edges) {
                if (e.to().name().equals(name) && e.kind() == DependencyEdge.Kind.DEPENDS) {
                    in.add(e);
                }
            }
        }
        in.sort(java.util.Comparator.comparing((DependencyEdge e) -> e.from().name()).thenComparing(DependencyEdge::needs));
        return in;
    }

    /** One shortest path of edges from {@code start} to {@code target}, or null when there is none. */
    List<DependencyEdge> shortestPath(String start, String target) {
        Map<String, DependencyEdge> reachedBy = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(target)) {
                List<DependencyEdge> path = new ArrayList<>();
                for (String n = target; !n.equals(start); n = reachedBy.get(n).from().name()) {
                    path.add(0, reachedBy.get(n));
                }
                return path;
            }
            for (DependencyEdge e : edgesFrom(at)) {
                if (seen.add(e.to().name())) {
                    reachedBy.put(e.to().name(), e);
                    queue.add(e.to().name());
                }
            }
        }
        return null;
    }

    /**
     * The names of the packages {@code starts} keep: what their dependencies reach, plus every
     * install_if package whose conditions the kept packages satisfy, repeated until nothing is
     * added (an install_if package that only a departing package triggers departs too).
     */
    Set<String> keptBy(Collection<String> starts) {
        Set<String> kept = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String s : starts) {
            if (kept.add(s)) {
                queue.add(s);
            }
        }
        boolean grew = true;
        while (grew) {
            while (!queue.isEmpty()) {
                for (DependencyEdge e : edgesFrom(queue.poll())) {
                    if (e.kind() == DependencyEdge.Kind.DEPENDS && kept.add(e.to().name())) {
                        queue.add(e.to().name());
                    }
                }
            }
            grew = false;
            for (GraphNode n : nodes.values()) {
                if (!n.installIf().isEmpty() && !kept.contains(n.ref().name()) && holdsAmong(n, kept)) {
                    kept.add(n.ref().name());
                    queue.add(n.ref().name());
                    grew = true;
                }
            }
        }
        return kept;
    }

    private boolean holdsAmong(GraphNode n, Set<String> kept) {
        for (Constraint c : n.installIf()) {
            boolean met = satisfying(c).stream().anyMatch(m -> kept.contains(m.ref().name()));
            if (met == c.conflict()) {
                return false;
            }
        }
        return true;
    }

    /** The packages reachable from {@code roots} (themselves included) and the edges among them. */
    DependencyGraph reachable(List<String> roots) {
        Set<String> seen = new LinkedHashSet<>(roots);
        ArrayDeque<String> queue = new ArrayDeque<>(roots);
        List<DependencyEdge> edges = new ArrayList<>();
        while (!queue.isEmpty()) {
            for (DependencyEdge e : edgesFrom(queue.poll())) {
                edges.add(e);
                if (seen.add(e.to().name())) {
                    queue.add(e.to().name());
                }
            }
        }
        return new DependencyGraph(roots.stream().map(r -> nodes.get(r).ref()).toList(),
                seen.stream().map(n -> nodes.get(n).ref()).toList(), edges);
    }
}
