package dev.kimigayo.isn.core.solver;

/** install_if evaluation against the current selection. */
final class Triggers {
    private Triggers() {
    }

    /** Whether every install_if condition of {@code c} holds: each positive one satisfied, each {@code !x} absent. */
    static boolean holds(Selection s, Cand c) {
        if (c.installIf.length == 0) {
            return false;
        }
        for (Dep d : c.installIf) {
            if (d.c().conflict()) {
                if (s.conflictingWith(d, c) != null) {
                    return false;
                }
            } else if (!s.satisfied(d)) {
                return false;
            }
        }
        return true;
    }

    /** The union of the tags the triggering packages were allowed, which the triggered package inherits. */
    static long allowed(Selection s, Cand c) {
        long mask = 1L;
        for (Dep d : c.installIf) {
            if (!d.c().conflict()) {
                Cand q = s.satisfier(d);
                if (q != null && s.why[q.id] != null) {
                    mask |= s.why[q.id].allowed();
                }
            }
        }
        return mask;
    }
}
