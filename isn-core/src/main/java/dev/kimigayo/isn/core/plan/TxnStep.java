package dev.kimigayo.isn.core.plan;

import java.nio.file.Path;

import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * One package-level step of a transaction, ready to execute.
 *
 * @param change     what the user sees
 * @param file       the verified-by-index package file to install, or null (removal, virtual package, re-pin)
 * @param incoming   the package that will be installed (metadata), or null for a removal
 * @param origin     where {@code incoming}'s metadata came from, or null for a removal
 * @param old        the installed package it replaces or removes, or null for an install
 * @param reason     why the resulting package is installed
 * @param repository where it comes from (URL or local file), or null
 * @param tag        the repository tag it is pinned to, or null
 * @param source     index of the loaded repository to fetch {@code incoming} from, or -1
 */
public record TxnStep(Change change, Path file, SolverPackage incoming, PackageOrigin origin,
        InstalledPackage old, InstallReason reason,
        String repository, String tag, int source) {

    /** A copy with the package file to install. */
    public TxnStep withFile(Path f) {
        return new TxnStep(change, f, incoming, origin, old, reason, repository, tag, source);
    }

    /** True when this step takes a package version out (removal, or the old side of a replacement). */
    public boolean hasOld() {
        return old != null;
    }

    /** True when this step removes the package altogether. */
    public boolean isRemoval() {
        return incoming == null;
    }
}
