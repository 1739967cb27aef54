package dev.kimigayo.isn.core.query;

import java.util.List;

/**
 * Why a package is installed: the world entries it satisfies directly, and for every other world
 * entry that pulls it in, one shortest dependency path. {@code orphan}: nothing the world keeps
 * needs it, so the next change removes it (a path may still run through an install_if whose
 * trigger is itself an orphan).
 */
public record WhyAnswer(PackageRef pkg, boolean explicit, boolean orphan, List<String> worldEntries,
                        List<DependencyPath> paths) {

    /** Freezes the lists. */
    public WhyAnswer {
        worldEntries = List.copyOf(worldEntries);
        paths = List.copyOf(paths);
    }
}
