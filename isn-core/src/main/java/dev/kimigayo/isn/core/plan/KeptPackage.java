package dev.kimigayo.isn.core.plan;

import java.util.List;

/**
 * A package named for removal that stays installed, and what keeps it: apk's "musl not removed
 * due to: busybox". The world entry is gone; the package goes once nothing needs it.
 *
 * @param name       the installed package that stays
 * @param version    its version
 * @param requiredBy the installed packages that depend on it, and world entries ({@code world: sh})
 *                   that it satisfies; empty only if the solver kept it for another reason
 */
public record KeptPackage(String name, String version, List<String> requiredBy) {

    /** Freezes the list. */
    public KeptPackage {
        requiredBy = List.copyOf(requiredBy);
    }
}
