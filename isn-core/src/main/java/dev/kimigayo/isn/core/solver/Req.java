package dev.kimigayo.isn.core.solver;

/**
 * One requirement waiting in the search queue: a dependency of a chosen package or a world entry.
 *
 * @param dep       the constraint; {@code dep.nameId()} is -1 when no index knows the name
 * @param requirer  the package declaring it, or null for a world entry and install_if triggers
 * @param root      the world entry it descends from, or null when it descends from an install_if trigger
 * @param allowed   the repository tags (bit mask) its packages may come from
 * @param preferred the tags whose packages are preferred
 * @param flags     solver flags in force for the chosen package
 * @param inherit   solver flags the chosen package passes on to its dependencies
 * @param iif       whether it was raised by an install_if trigger (only triggered packages qualify)
 * @param postponed whether it was already sent to the back of the queue once
 */
record Req(Dep dep, Cand requirer, String root, long allowed, long preferred, int flags, int inherit,
        boolean iif, boolean postponed) {

    Req postpone() {
        return new Req(dep, requirer, root, allowed, preferred, flags, inherit, iif, true);
    }

    static final int UPGRADE = 1;
    static final int LATEST = 2;
    static final int AVAILABLE = 4;
    static final int REINSTALL = 8;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
