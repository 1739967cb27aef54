package dev.kimigayo.isn.core.plan;

import dev.kimigayo.isn.core.solver.Explanation;

/**
 * A package named for upgrade that stays at its installed version although a newer one exists,
 * or that no repository offers; with why as data (the front end words it).
 *
 * @param name          the package
 * @param installed     its installed version
 * @param newest        the newest version the repositories offer, or null when none offers it
 * @param kind          what holds it back
 * @param installedFrom for {@link Kind#NOT_OFFERED}: the repository it was installed from, or null
 * @param tag           for {@link Kind#PINNED}: the tag of the repository that has {@code newest}
 * @param worldEntry    for {@link Kind#PINNED}: the world entry that does not allow that tag
 * @param explanation   the solver's explanation for refusing {@code newest}, or null
 *                      ({@link Kind#NOT_OFFERED}, {@link Kind#NEEDS_LATEST}, sometimes {@link Kind#PINNED})
 */
public record HeldBack(String name, String installed, String newest, Kind kind, String installedFrom, String tag,
        String worldEntry, Explanation explanation) {

    /** What holds a package back. */
    public enum Kind {
        /** No configured repository offers the package. */
        NOT_OFFERED,
        /** The newest version is only in a tagged repository the world entry does not allow. */
        PINNED,
        /** The newest version needs other changes, which only {@code upgrade --latest} makes. */
        NEEDS_LATEST,
        /** A declared conflict forbids the newest version. */
        CONFLICT,
        /** A version constraint excludes the newest version. */
        CONSTRAINT,
        /** The newest version cannot be installed for another reason (see the explanation). */
        UNINSTALLABLE
    }
}
