package dev.kimigayo.isn.core.query;

import java.util.List;

/** Packages and the edges among them, for {@code isn dot}; {@code roots} are the packages asked about. */
public record DependencyGraph(List<PackageRef> roots, List<PackageRef> nodes, List<DependencyEdge> edges) {

    /** Freezes the lists. */
    public DependencyGraph {
        roots = List.copyOf(roots);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
