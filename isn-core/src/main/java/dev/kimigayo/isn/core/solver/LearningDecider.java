package dev.kimigayo.isn.core.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of the learning search, in the order the depth-first search would make them: the
 * first unmet requirement (world entries first, then those of the packages in the order they
 * became true) takes its best candidate still possible. As in the depth-first search, a
 * requirement on a name only provided virtually, or whose only remaining ways are packages that
 * satisfy it without being chosen for it, waits until everything else is decided: a package
 * chosen for another reason may meet it. Only when nothing else is left does the search try
 * such a package, and then only together with one that may choose it (its support clause).
 */
final class LearningDecider implements Cdcl.Decider {
    private final Learning l;
    /** Trail entries before this index have every requirement met or waiting in {@link #waiting}. */
    private int checked;
    /** World requirements before this index are met or waiting. */
    private int worldChecked;
    private final List<Learning.Need> waiting = new ArrayList<>();
    private final IntList unsupported = new IntList();

    LearningDecider(Learning l) {
        this.l = l;
    }

    @Override
    public int next(Cdcl sat) {
        for (; worldChecked < l.world.size(); worldChecked++) {
            int d = pick(sat, l.world.get(worldChecked));
            if (d >= 0) {
                return d;
            }
        }
        for (; checked < sat.trail.size(); checked++) {
            int lit = sat.trail.get(checked);
            if ((lit & 1) != 0) {
                continue;
            }
            int v = lit >> 1;
            List<Learning.Need> needs = l.needsOf.get(v);
            int mark = waiting.size();
            for (Learning.Need n : needs) {
                int d = pick(sat, n);
                if (d >= 0) {
                    // Come back to this package once d is true: forget what waited of it.
                    while (waiting.size() > mark) {
                        waiting.remove(waiting.size() - 1);
                    }
                    return d;
                }
            }
            if (l.supporters.get(v) != null) {
                unsupported.push(v);
            }
        }
        for (Learning.Need n : waiting) {
            int d = pickAny(sat, n);
            if (d >= 0) {
                return d;
            }
        }
        for (int i = 0; i < unsupported.size(); i++) {
            IntList sup = l.supporters.get(unsupported.get(i));
            int open = -1;
            boolean met = false;
            for (int k = 0; k < sup.size() && !met; k++) {
                int val = sat.value(sup.get(k) * 2);
                met = val == 1;
                if (val == 0 && open < 0) {
                    open = sup.get(k) * 2;
                }
            }
            if (!met && open >= 0) {
                return open;
            }
        }
        return -1;
    }

    /** -2 when the requirement is met, -3 when it waits (then queued), else its best literal still open. */
    private int pick(Cdcl sat, Learning.Need n) {
        int open = -1;
        for (int x : n.lits()) {
            int v = sat.value(x);
            if (v == 1) {
                return -2;
            }
            if (v == 0 && open < 0) {
                open = x;
            }
        }
        for (int x : n.others()) {
            if (sat.value(x) == 1) {
                return -2;
            }
        }
        if (n.last() || open < 0) {
            waiting.add(n);
            return -3;
        }
        return open;
    }

    /** For a waiting requirement: -2 when met, else its best open literal, packages chosen for it first. */
    private static int pickAny(Cdcl sat, Learning.Need n) {
        int open = -1;
        for (int[] lits : new int[][] {n.lits(), n.others()}) {
            for (int x : lits) {
                int v = sat.value(x);
                if (v == 1) {
                    return -2;
                }
                if (v == 0 && open < 0) {
                    open = x;
                }
            }
        }
        return open;
    }

    @Override
    public void backjumped() {
        checked = 0;
        worldChecked = 0;
        waiting.clear();
        unsupported.truncate(0);
    }
}
