package dev.kimigayo.isn.core.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * A small conflict-driven clause-learning SAT engine: two watched literals, first-UIP learning,
 * non-chronological backjumping. Decisions come from a {@link Decider} (the package preferences),
 * so the engine only guarantees completeness: every conflict is learned as a clause and never met
 * again, which is what keeps distribution-sized graphs from thrashing. A literal is {@code 2v}
 * (variable v true) or {@code 2v + 1} (false).
 */
final class Cdcl {
    /** Chooses the next decision literal, or returns -1 when the assignment is complete enough. */
    interface Decider {
        int next(Cdcl engine);

        /** Called after every backjump: the decider may have to look again at earlier assignments. */
        void backjumped();
    }

    private final byte[] val;
    private final int[] level;
    private final int[] reason;
    private final boolean[] seen;
    private final List<int[]> clauses = new ArrayList<>();
    private final IntList[] watches;
    private final IntList units = new IntList();
    final IntList trail = new IntList();
    private final IntList lims = new IntList();
    private int qhead;
    private boolean empty;
    long conflicts;

    Cdcl(int vars) {
        val = new byte[vars];
        level = new int[vars];
        reason = new int[vars];
        seen = new boolean[vars];
        watches = new IntList[vars * 2];
    }

    /** 1 true, -1 false, 0 unassigned. */
    int value(int lit) {
        int v = val[lit >> 1];
        return (lit & 1) == 0 ? v : -v;
    }

    /** Adds an original clause (before {@link #solve}); duplicates are the caller's to avoid. */
    void add(int... lits) {
        if (lits.length == 0) {
            empty = true;
        } else if (lits.length == 1) {
            units.push(lits[0]);
        } else {
            attach(lits.clone());
        }
    }

    private int attach(int[] c) {
        clauses.add(c);
        int ci = clauses.size() - 1;
        watch(c[0], ci);
        watch(c[1], ci);
        return ci;
    }

    private void watch(int lit, int ci) {
        if (watches[lit] == null) {
            watches[lit] = new IntList();
        }
        watches[lit].push(ci);
    }

    private boolean enqueue(int lit, int why) {
        int v = lit >> 1;
        byte want = (byte) ((lit & 1) == 0 ? 1 : -1);
        if (val[v] != 0) {
            return val[v] == want;
        }
        val[v] = want;
        level[v] = lims.size();
        reason[v] = why;
        trail.push(lit);
        return true;
    }

    /** Unit propagation; returns the index of a falsified clause, or -1. */
    private int propagate() {
        while (qhead < trail.size()) {
            int falseLit = trail.get(qhead++) ^ 1;
            IntList ws = watches[falseLit];
            if (ws == null) {
                continue;
            }
            int i = 0;
            int j = 0;
            while (i < ws.size()) {
                int ci = ws.get(i++);
                int[] c = clauses.get(ci);
                if (c[0] == falseLit) {
                    c[0] = c[1];
                    c[1] = falseLit;
                }
                if (value(c[0]) == 1) {
                    ws.set(j++, ci);
                    continue;
                }
                boolean moved = false;
                for (int k = 2; k < c.length && !moved; k++) {
                    if (value(c[k]) != -1) {
                        c[1] = c[k];
                        c[k] = falseLit;
                        watch(c[1], ci);
                        moved = true;
                    }
                }
                if (moved) {
                    continue;
                }
                ws.set(j++, ci);
                if (value(c[0]) == -1) {
                    while (i < ws.size()) {
                        ws.set(j++, ws.get(i++));
                    }
                    ws.truncate(j);
                    return ci;
                }
                enqueue(c[0], ci);
            }
            ws.truncate(j);
        }
        return -1;
    }

    /**
     * Searches for an assignment; true when the decider is satisfied without conflict, false when
     * the clauses are proved unsatisfiable.
     *
     * @throws TooComplexException past {@code conflictLimit} conflicts
     */
    boolean solve(Decider decider, long conflictLimit) throws TooComplexException {
        if (empty) {
            return false;
        }
        for (int i = 0; i < units.size(); i++) {
            if (!enqueue(units.get(i), -1)) {
                return false;
            }
        }
        while (true) {
            int confl = propagate();
            if (confl >= 0) {
                if (lims.size() == 0) {
                    return false;
                }
                if (++conflicts > conflictLimit) {
                    throw new TooComplexException(conflictLimit, null);
                }
                learn(confl);
                decider.backjumped();
                continue;
            }
            int d = decider.next(this);
            if (d < 0) {
                return true;
            }
            lims.push(trail.size());
            enqueue(d, -1);
        }
    }

    /** First-UIP conflict analysis: learns one clause, backjumps, and asserts its literal. */
    private void learn(int confl) {
        IntList out = new IntList();
        out.push(-1);
        int current = lims.size();
        int pathC = 0;
        int p = -1;
        int idx = trail.size() - 1;
        do {
            int[] c = clauses.get(confl);
            for (int k = p == -1 ? 0 : 1; k < c.length; k++) {
                int v = c[k] >> 1;
                if (!seen[v] && level[v] > 0) {
                    seen[v] = true;
                    if (level[v] >= current) {
                        pathC++;
                    } else {
                        out.push(c[k]);
                    }
                }
            }
            while (!seen[trail.get(idx) >> 1]) {
                idx--;
            }
            p = trail.get(idx--);
            confl = reason[p >> 1];
            seen[p >> 1] = false;
            pathC--;
        } while (pathC > 0);
        out.set(0, p ^ 1);
        int back = 0;
        for (int k = 1; k < out.size(); k++) {
            seen[out.get(k) >> 1] = false;
            int l = level[out.get(k) >> 1];
            if (l > back) {
                back = l;
                int t = out.get(1);
                out.set(1, out.get(k));
                out.set(k, t);
            }
        }
        backtrack(back);
        int[] clause = new int[out.size()];
        for (int k = 0; k < clause.length; k++) {
            clause[k] = out.get(k);
        }
        enqueue(clause[0], clause.length == 1 ? -1 : attach(clause));
    }

    private void backtrack(int lvl) {
        if (lims.size() <= lvl) {
            return;
        }
        int keep = lims.get(lvl);
        while (trail.size() > keep) {
            int v = trail.pop() >> 1;
            val[v] = 0;
            reason[v] = -1;
        }
        lims.truncate(lvl);
        qhead = trail.size();
    }
}
