package dev.kimigayo.isn.core.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The packages chosen so far on the current search path, with the indexes the consistency checks
 * need: which package owns each versioned name, which packages provide each name, and the
 * conflicts declared by chosen packages. Everything is undone in exact reverse order.
 */
final class Selection {
    /** A conflict declared by a chosen package (or by the world, when {@code by} is null). */
    record Declared(Cand by, Dep dep, Req req) {
    }

    final Universe u;
    final boolean exclusive;
    final int[] owner;
    final IntList[] providers;
    /** Per name, null until a conflict is declared on it: an array, zeroed by the JVM, since a solve allocates one per name. */
    final List<Declared>[] conflicts;
    final boolean[] selected;
    final Req[] why;
    final IntList trail = new IntList();

    Selection(Universe u) {
        this.u = u;
        this.exclusive = u.policy == ProvidesPolicy.EXCLUSIVE;
        int names = u.names.size();
        owner = new int[names];
        java.util.Arrays.fill(owner, -1);
        providers = new IntList[names];
        @SuppressWarnings("unchecked")
        List<Declared>[] perName = new List[names];
        conflicts = perName;
        selected = new boolean[u.cands.size()];
        why = new Req[u.cands.size()];
    }

    void addWorldConflict(Dep d, Req r) {
        list(d.nameId()).add(new Declared(null, d, r));
    }

    private List<Declared> list(int name) {
        List<Declared> l = conflicts[name];
        if (l == null) {
            l = new ArrayList<>(1);
            conflicts[name] = l;
        }
        return l;
    }

    void select(Cand c, Req r) {
        selected[c.id] = true;
        why[c.id] = r;
        for (int i = 0; i < c.provNames.length; i++) {
            int n = c.provNames[i];
            if (providers[n] == null) {
                providers[n] = new IntList();
            }
            providers[n].push(c.id);
            if (c.provVersions[i] != null && (i == 0 || exclusive)) {
                owner[n] = c.id;
            }
        }
        for (Dep d : c.conflicts) {
            list(d.nameId()).add(new Declared(c, d, r));
        }
        trail.push(c.id);
    }

    void undoTo(int trailSize) {
        while (trail.size() > trailSize) {
            Cand c = u.cands.get(trail.pop());
            for (int i = c.conflicts.length - 1; i >= 0; i--) {
                List<Declared> l = conflicts[c.conflicts[i].nameId()];
                l.remove(l.size() - 1);
            }
            for (int i = c.provNames.length - 1; i >= 0; i--) {
                int n = c.provNames[i];
                providers[n].pop();
                if (owner[n] == c.id) {
                    owner[n] = -1;
                }
            }
            selected[c.id] = false;
            why[c.id] = null;
        }
    }

    /** Whether a chosen package already satisfies the dependency. */
    boolean satisfied(Dep d) {
        return satisfier(d) != null;
    }

    /** The chosen package satisfying the dependency, or null. */
    Cand satisfier(Dep d) {
        int o = owner[d.nameId()];
        if (o >= 0) {
            Cand c = u.cands.get(o);
            if (d.fits(c.versionOf(d.nameId()))) {
                return c;
            }
            if (exclusive) {
                return null;
            }
        }
        IntList p = providers[d.nameId()];
        if (p == null || p.size() == 0) {
            return null;
        }
        if (d.c().op() == null) {
            return u.cands.get(p.get(0));
        }
        if (!exclusive) {
            for (int i = 0; i < p.size(); i++) {
                Cand c = u.cands.get(p.get(i));
                if (d.fits(c.versionOf(d.nameId()))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Whether a chosen package other than {@code self} matches the conflict {@code d}. */
    Cand conflictingWith(Dep d, Cand self) {
        IntList p = providers[d.nameId()];
        if (p == null) {
            return null;
        }
        for (int i = 0; i < p.size(); i++) {
            Cand q = u.cands.get(p.get(i));
            if (q != self && d.fits(q.versionOf(d.nameId()))) {
                return q;
            }
        }
        return null;
    }

    /** Why {@code c} cannot join the current selection, or null when it can. */
    Rejection inconsistency(Cand c) {
        for (int i = 0; i < c.provNames.length; i++) {
            int n = c.provNames[i];
            if (!exclusive) {
                if (i == 0 && owner[n] >= 0 && owner[n] != c.id) {
                    return Rejection.clash(u.cands.get(owner[n]), n);
                }
            } else if (c.provVersions[i] != null && owner[n] >= 0 && owner[n] != c.id) {
                // apk-package(5): a package name or a versioned provide owns the name and conflicts
                // with every other owner; a provide without a version owns nothing, so it clashes
                // with no one (emacs and emacs-gtk, which provides emacs, install together).
                return Rejection.clash(u.cands.get(owner[n]), n);
            }
            List<Declared> l = conflicts[n];
            if (l != null) {
                for (Declared d : l) {
                    if (d.by() != c && d.dep().fits(c.provVersions[i])) {
                        return Rejection.conflictedBy(d);
                    }
                }
            }
        }
        for (Dep d : c.conflicts) {
            Cand q = conflictingWith(d, c);
            if (q != null) {
                return Rejection.conflictsWith(q, d);
            }
        }
        return null;
    }
}
