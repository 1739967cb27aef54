package dev.kimigayo.isn.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete search: the packages reachable from the world become boolean variables, apk's rules
 * become clauses (see docs/solver.md, "The learning search"), and {@link Cdcl} finds a selection
 * or proves there is none. Decisions follow the same preferences as the depth-first search: the
 * first unmet requirement (world entries first, then those of the packages in the order they were
 * chosen) takes its best candidate that is still possible.
 */
final class Learning implements Cdcl.Decider {
    /** A requirement: {@code trigger} (a variable, or -1 for the world) needs one of {@code lits}, best first. */
    private record Need(int trigger, int[] lits, Req req) {
    }

    private final Universe u;
    private final Candidates cands;
    private final Map<Integer, Integer> varOf = new HashMap<>();
    private final List<Cand> vars = new ArrayList<>();
    private final List<Need> world = new ArrayList<>();
    private final List<List<Need>> needsOf = new ArrayList<>();
    private int checked;
    /** The first requirement each variable was met in: the flags and tags it inherits. */
    private Req[] reqOf = new Req[16];

    Learning(Universe u, Candidates cands) {
        this.u = u;
        this.cands = cands;
    }

    /** Solves; the selection on success, null when no selection exists. */
    Selection run(List<Req> requirements, long conflictLimit) throws TooComplexException {
        List<int[]> extra = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (Req r : requirements) {
            if (r.dep().c().conflict()) {
                for (Prov p : r.dep().nameId() < 0 ? List.<Prov>of() : u.providers.get(r.dep().nameId())) {
                    if (r.dep().fits(p.version())) {
                        extra.add(new int[] {var(p.cand(), todo) * 2 + 1});
                    }
                }
            } else {
                world.add(need(-1, r, todo));
            }
        }
        while (!todo.isEmpty()) {
            int v = todo.poll();
            Cand c = vars.get(v);
            Req why = firstReq(v);
            int inherit = (why == null ? 0 : why.inherit()) | cands.inheritOf(c);
            for (Dep d : c.deps) {
                needsOf.get(v).add(need(v, new Req(d, c, why == null ? null : why.root(), allowedAll(requirements),
                        1L, inherit, inherit, false, false), todo));
            }
        }
        Cdcl sat = new Cdcl(vars.size());
        for (Need n : world) {
            sat.add(n.lits());
        }
        for (List<Need> l : needsOf) {
            for (Need n : l) {
                int[] c = new int[n.lits().length + 1];
                c[0] = n.trigger() * 2 + 1;
                System.arraycopy(n.lits(), 0, c, 1, n.lits().length);
                sat.add(c);
            }
        }
        extra.forEach(sat::add);
        exclusions(sat);
        if (!sat.solve(this, conflictLimit)) {
            return null;
        }
        return select(sat);
    }

    private Req firstReq(int v) {
        return reqOf[v];
    }

    private Need need(int trigger, Req r, ArrayDeque<Integer> todo) {
        List<Prov> ps = r.dep().nameId() < 0 ? List.of() : cands.usable(r);
        int[] lits = new int[ps.size()];
        int n = 0;
        for (Prov p : ps) {
            int v = var(p.cand(), todo);
            if (reqOf[v] == null) {
                reqOf[v] = r;
            }
            int lit = v * 2;
            boolean dup = false;
            for (int k = 0; k < n; k++) {
                dup |= lits[k] == lit;
            }
            if (!dup) {
                lits[n++] = lit;
            }
        }
        return new Need(trigger, Arrays.copyOf(lits, n), r);
    }

    private int var(Cand c, ArrayDeque<Integer> todo) {
        Integer v = varOf.get(c.id);
        if (v == null) {
            v = vars.size();
            varOf.put(c.id, v);
            vars.add(c);
            needsOf.add(new ArrayList<>());
            if (v >= reqOf.length) {
                reqOf = Arrays.copyOf(reqOf, reqOf.length * 2);
            }
            todo.add(v);
        }
        return v;
    }

    private static long allowedAll(List<Req> requirements) {
        long a = 1L;
        for (Req r : requirements) {
            a |= r.allowed();
        }
        return a;
    }

    /** Two owners of one name (apk-package(5)), and declared conflicts, exclude each other. */
    private void exclusions(Cdcl sat) {
        Map<Integer, List<Integer>> owners = new HashMap<>();
        boolean exclusive = u.policy == ProvidesPolicy.EXCLUSIVE;
        for (int v = 0; v < vars.size(); v++) {
            Cand c = vars.get(v);
            for (int i = 0; i < c.provNames.length; i++) {
                if (c.provVersions[i] != null && (i == 0 || exclusive)) {
                    owners.computeIfAbsent(c.provNames[i], k -> new ArrayList<>()).add(v);
                }
            }
            for (Dep d : c.conflicts) {
                for (Prov p : u.providers.get(d.nameId())) {
                    Integer q = varOf.get(p.cand().id);
                    if (q != null && q != v && d.fits(p.version())) {
                        sat.add(v * 2 + 1, q * 2 + 1);
                    }
                }
            }
        }
        for (List<Integer> l : owners.values()) {
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    if (!l.get(i).equals(l.get(j))) {
                        sat.add(l.get(i) * 2 + 1, l.get(j) * 2 + 1);
                    }
                }
            }
        }
    }

    @Override
    public int next(Cdcl sat) {
        for (Need n : world) {
            int d = pick(sat, n);
            if (d != -2) {
                return d;
            }
        }
        for (; checked < sat.trail.size(); checked++) {
            int lit = sat.trail.get(checked);
            if ((lit & 1) != 0) {
                continue;
            }
            for (Need n : needsOf.get(lit >> 1)) {
                int d = pick(sat, n);
                if (d != -2) {
                    return d;
                }
            }
        }
        return -1;
    }

    /** -2 when the requirement is met, else its best literal still open. */
    private static int pick(Cdcl sat, Need n) {
        int open = -1;
        for (int l : n.lits()) {
            int v = sat.value(l);
            if (v == 1) {
                return -2;
            }
            if (v == 0 && open < 0) {
                open = l;
            }
        }
        return open;
    }

    @Override
    public void backjumped() {
        checked = 0;
    }

    /** The packages the world reaches through satisfied requirements, in that order, each with its reason. */
    private Selection select(Cdcl sat) {
        Selection s = new Selection(u);
        ArrayDeque<Need> queue = new ArrayDeque<>(world);
        boolean[] in = new boolean[vars.size()];
        while (!queue.isEmpty()) {
            Need n = queue.poll();
            for (int l : n.lits()) {
                if (sat.value(l) == 1) {
                    int v = l >> 1;
                    if (!in[v]) {
                        in[v] = true;
                        s.select(vars.get(v), n.req());
                        queue.addAll(needsOf.get(v));
                    }
                    break;
                }
            }
        }
        return s;
    }
}
