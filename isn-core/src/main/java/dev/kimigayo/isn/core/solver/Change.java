package dev.kimigayo.isn.core.solver;

/**
 * One step of a plan.
 *
 * @param action     what happens
 * @param name       the package name
 * @param oldVersion the installed version, or null for {@link Action#INSTALL}
 * @param newVersion the resulting version, or null for {@link Action#REMOVE}
 * @param oldTag     the tag the installed package was pinned to (null = untagged or not installed)
 * @param newTag     the tag the resulting package is pinned to (null = untagged or removed)
 * @param pkg        the package to install, or the installed package for {@link Action#REMOVE}
 * @param repository index of the repository to fetch {@code pkg} from, or -1 when it needs no
 *                   fetch (removal, or a package known only from the installed database)
 */
public record Change(Action action, String name, String oldVersion, String newVersion, String oldTag,
        String newTag, SolverPackage pkg, int repository) {
}
