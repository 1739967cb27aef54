package dev.kimigayo.isn.core.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * One distinct package (name, version, build id) with everything the search needs, merged from
 * every repository that has it and from the installed database.
 */
final class Cand {
    final int id;
    final SolverPackage pkg;
    final int nameId;
    final List<Integer> repos = new ArrayList<>();
    long tagMask;
    boolean available;
    InstalledPackage installed;
    /** Why it can never be chosen (bad metadata, conflicts with itself), or null. */
    String broken;
    Explanation.Cause brokenCause;
    boolean archOk;
    Dep[] deps;
    Dep[] conflicts;
    Dep[] installIf;
    /** Names it provides: [0] is its own name; versions null for virtual provides. */
    int[] provNames;
    String[] provVersions;

    Cand(int id, SolverPackage pkg, int nameId) {
        this.id = id;
        this.pkg = pkg;
        this.nameId = nameId;
    }

    boolean isInstalled() {
        return installed != null;
    }

    /** Can be chosen at all: fits the arch, is fetchable or already installed, and is well formed. */
    boolean selectable(boolean prune) {
        if (!archOk || broken != null) {
            return false;
        }
        return available || (installed != null && !(prune && repos.isEmpty()));
    }

    /** The version this package provides {@code name} at; null for a virtual provide or none. */
    String versionOf(int name) {
        for (int i = 0; i < provNames.length; i++) {
            if (provNames[i] == name) {
                return provVersions[i];
            }
        }
        return null;
    }

    boolean provides(int name) {
        for (int n : provNames) {
            if (n == name) {
                return true;
            }
        }
        return false;
    }

    int firstRepo() {
        return repos.isEmpty() ? Integer.MAX_VALUE : repos.get(0);
    }

    String nv() {
        return pkg.nameVersion();
    }
}
