package dev.kimigayo.isn.core.solver;

import java.util.Objects;

/**
 * A package recorded as installed, with the repository tag it was pinned to.
 *
 * @param pkg the installed package
 * @param tag the tag it was installed from ({@code name@tag}), or null when untagged
 */
public record InstalledPackage(SolverPackage pkg, String tag) {

    /** Checks that a package is present. */
    public InstalledPackage {
        Objects.requireNonNull(pkg, "pkg");
    }
}
