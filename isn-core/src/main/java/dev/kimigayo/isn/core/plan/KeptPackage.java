package dev.kimigayo.isn.core.plan;

import java.util.List;

/**
 * A package named for removal that stays installed, and what keeps it (apk's "musl not removed
 * due to: busybox"), as data; the front end words it. The world entry is gone; the package goes
 * once nothing needs it.
 *
 * @param name         the installed package that stays
 * @param version      its version
 * @param dependents   the installed packages that depend on it, sorted
 * @param worldEntries the world entries it satisfies, sorted; both lists are empty only if the
 *                     solver kept it for another reason
 */
public record KeptPackage(String name, String version, List<String> dependents, List<String> worldEntries) {

    /** Freezes the lists. */
    public KeptPackage {
        dependents = List.copyOf(dependents);
        worldEntries = List.copyOf(worldEntries);
    }
}
