package dev.kimigayo.isn.core.solver;

import java.util.Arrays;

/**
 * One distinct package (name, version, build id) with everything the search needs, merged from
 * every repository that has it and from the installed database.
 */
final class Cand {
    private static final int[] NO_REPOS = new int[0];
    final int id;
    final SolverPackage pkg;
    final int nameId;
    /** Indexes of the repositories offering it, ascending. */
    int[] repos = NO_REPOS;
    /** Another candidate with the same name, while the universe is being built. */
    Cand sameName;
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
        return available || (installed != null && !(prune && repos.length == 0));
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
        return repos.length == 0 ? Integer.MAX_VALUE : repos[0];
    }

    void addRepo(int r) {
        for (int x : repos) {
            if (x == r) {
                return;
            }
        }
        repos = Arrays.copyOf(repos, repos.length + 1);
        repos[repos.length - 1] = r;
    }

    String nv() {
        return pkg.nameVersion();
    }
}
