package dev.kimigayo.isn.core.query;

import java.util.List;

/**
 * A chain from a world entry to a package: the world entry, the package that satisfies it, and
 * the edges from there (empty when the world entry names the package itself).
 */
public record DependencyPath(String worldEntry, PackageRef start, List<DependencyEdge> edges) {

    /** Freezes the edges. */
    public DependencyPath {
        edges = List.copyOf(edges);
    }
}
