package dev.kimigayo.isn.core.solver;

import java.util.List;

/**
 * One repository index as the solver sees it. Order matters: when everything else is equal the
 * package from the earlier repository wins.
 *
 * @param tag       the repository tag ({@code @testing}, without the {@code @}), or null when untagged;
 *                  packages of a tagged repository are used only for {@code name@tag} requests
 *                  and their dependencies
 * @param available whether packages can be fetched from it now (false models an offline index:
 *                  its packages count as known but cannot be newly installed)
 * @param packages  its packages
 */
public record Repository(String tag, boolean available, List<SolverPackage> packages) {

    /** Copies the list. */
    public Repository {
        packages = List.copyOf(packages);
    }

    /** An available repository. */
    public static Repository of(String tag, List<SolverPackage> packages) {
        return new Repository(tag, true, packages);
    }
}
