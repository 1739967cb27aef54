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
 * or proves there is none. Decisions follow the same preferences as the depth-first search (see
 * {@link LearningDecider}).
 *
 * <p>apk installs a package only when something asks for it by a name it may be chosen for: a
 * provide without a version (and no provider_priority) satisfies a dependency only when its
 * package is installed for another reason. So every variable has a support clause (it is true only
 * if a package that may choose it is true), and a selection is accepted only when every package in
 * it is reached from the world through such choices; a set of packages that only supports itself
 * (a dependency cycle kept alive by a virtual name) is excluded by a loop clause and the search
 * runs again.
 */
final class Learning {
    /**
     * A requirement: {@code trigger} (a variable, or -1 for the world) needs one of {@code lits}
     * (providers that may be chosen for it, best first) or of {@code others} (packages that satisfy
     * it only when installed for another reason).
     */
    record Need(int trigger, int[] lits, int[] others, Req req, boolean last) {
    }

    /** Rounds of loop clauses before giving up: each round excludes one self-supporting set. */
    private static final int MAX_ROUNDS = 1_000;

    final Universe u;
    private final Candidates cands;
    private final Map<Integer, Integer> varOf = new HashMap<>();
    final List<Cand> vars = new ArrayList<>();
    final List<Need> world = new ArrayList<>();
    final List<List<Need>> needsOf = new ArrayList<>();
    /** Per variable: the variables whose requirements may choose it; null when the world may. */
    final List<IntList> supporters = new ArrayList<>();
    /** The first requirement each variable was met in: the flags and tags it inherits. */
    private Req[] reqOf = new Req[16];
    private final List<int[]> clauses = new ArrayList<>();
    private long conflicts;

    Learning(Universe u, Candidates cands) {
        this.u = u;
        this.cands = cands;
    }

    /** Solves; the selection on success, null when no selection exists. */
    Selection run(List<Req> requirements, long conflictLimit) throws TooComplexException {
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (Req r : requirements) {
            if (r.dep().c().conflict()) {
                for (Prov p : r.dep().nameId() < 0 ? List.<Prov>of() : u.providers.get(r.dep().nameId())) {
                    if (r.dep().fits(p.version())) {
                        clauses.add(new int[] {var(p.cand(), todo) * 2 + 1});
                    }
                }
            } else {
                world.add(need(-1, r, todo));
            }
        }
        long allowed = allowedAll(requirements);
        while (!todo.isEmpty()) {
            int v = todo.poll();
            Cand c = vars.get(v);
            Req why = reqOf[v];
            int inherit = (why == null ? 0 : why.inherit()) | cands.inheritOf(c);
            for (Dep d : c.deps) {
                needsOf.get(v).add(need(v, new Req(d, c, why == null ? null : why.root(), allowed,
                        1L, inherit, inherit, false, false), todo));
            }
        }
        world.replaceAll(this::withOthers);
        for (List<Need> l : needsOf) {
            l.replaceAll(this::withOthers);
        }
        encode();
        List<int[]> loops = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Cdcl sat = new Cdcl(vars.size());
            clauses.forEach(sat::add);
            loops.forEach(sat::add);
            boolean ok = sat.solve(new LearningDecider(this), conflictLimit - conflicts);
            conflicts += sat.conflicts;
            if (!ok) {
                return null;
            }
            boolean[] reached = new boolean[vars.size()];
            Selection s = select(sat, reached);
            int[] loop = loopClause(sat, reached);
            if (loop == null) {
                return s;
            }
            loops.add(loop);
        }
        throw new TooComplexException(conflictLimit, null);
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
                IntList sup = supporters.get(v);
                if (trigger < 0) {
                    supporters.set(v, null);
                } else if (sup != null) {
                    sup.push(trigger);
                }
            }
        }
        boolean last = r.dep().nameId() >= 0 && onlyVirtual(r.dep().nameId());
        return new Need(trigger, Arrays.copyOf(lits, n), new int[0], r, last);
    }

    /** Adds the packages that satisfy the requirement when installed for another reason. */
    private Need withOthers(Need n) {
        int name = n.req().dep().nameId();
        if (name < 0) {
            return n;
        }
        IntList out = new IntList();
        for (Prov p : u.providers.get(name)) {
            Integer v = varOf.get(p.cand().id);
            if (v != null && n.req().dep().fits(p.version()) && !contains(n.lits(), v * 2)
                    && !contains(out, v * 2)) {
                out.push(v * 2);
            }
        }
        if (out.size() == 0) {
            return n;
        }
        int[] others = new int[out.size()];
        for (int i = 0; i < others.length; i++) {
            others[i] = out.get(i);
        }
        return new Need(n.trigger(), n.lits(), others, n.req(), n.last());
    }

    private boolean onlyVirtual(int name) {
        for (Prov p : u.providers.get(name)) {
            if (!p.isVirtual()) {
                return false;
            }
        }
        return !u.providers.get(name).isEmpty();
    }

    private static boolean contains(int[] a, int x) {
        for (int y : a) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(IntList a, int x) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) == x) {
                return true;
            }
        }
        return false;
    }

    private int var(Cand c, ArrayDeque<Integer> todo) {
        Integer v = varOf.get(c.id);
        if (v == null) {
            v = vars.size();
            varOf.put(c.id, v);
            vars.add(c);
            needsOf.add(new ArrayList<>());
            supporters.add(new IntList());
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

    /** Requirements, support, ownership (apk-package(5)) and declared conflicts as clauses. */
    private void encode() {
        for (Need n : world) {
            clauses.add(concat(-1, n.lits(), n.others()));
        }
        for (List<Need> l : needsOf) {
            for (Need n : l) {
                clauses.add(concat(n.trigger() * 2 + 1, n.lits(), n.others()));
            }
        }
        for (int v = 0; v < vars.size(); v++) {
            IntList sup = supporters.get(v);
            if (sup != null) {
                int[] c = new int[sup.size() + 1];
                c[0] = v * 2 + 1;
                for (int i = 0; i < sup.size(); i++) {
                    c[i + 1] = sup.get(i) * 2;
                }
                clauses.add(c);
            }
        }
        // Insertion order (by variable), not name-id order: a universe restricted to what a request reaches
        // numbers names differently, and the clause order must not depend on it.
        Map<Integer, List<Integer>> owners = new java.util.LinkedHashMap<>();
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
                        clauses.add(new int[] {v * 2 + 1, q * 2 + 1});
                    }
                }
            }
        }
        for (List<Integer> l : owners.values()) {
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    if (!l.get(i).equals(l.get(j))) {
                        clauses.add(new int[] {l.get(i) * 2 + 1, l.get(j) * 2 + 1});
                    }
                }
            }
        }
    }

    private static int[] concat(int first, int[] a, int[] b) {
        int k = first < 0 ? 0 : 1;
        int[] c = new int[k + a.length + b.length];
        if (k == 1) {
            c[0] = first;
        }
        System.arraycopy(a, 0, c, k, a.length);
        System.arraycopy(b, 0, c, k + a.length, b.length);
        return c;
    }

    /**
     * The packages the world reaches through requirements that may choose them, in that order,
     * each with its reason; marks them in {@code reached}.
     */
    private Selection select(Cdcl sat, boolean[] reached) {
        Selection s = new Selection(u);
        ArrayDeque<Need> queue = new ArrayDeque<>(world);
        while (!queue.isEmpty()) {
            Need n = queue.poll();
            for (int l : n.lits()) {
                int v = l >> 1;
                if (sat.value(l) == 1 && !reached[v]) {
                    reached[v] = true;
                    s.select(vars.get(v), n.req());
                    queue.addAll(needsOf.get(v));
                }
            }
        }
        return s;
    }

    /**
     * When true packages are not reached from the world (they only support each other), the clause
     * "one of them is false, or one of their supporters from outside is true"; else null.
     */
    private int[] loopClause(Cdcl sat, boolean[] reached) {
        boolean[] inLoop = new boolean[vars.size()];
        IntList loop = new IntList();
        for (int v = 0; v < vars.size(); v++) {
            if (sat.value(v * 2) == 1 && !reached[v]) {
                inLoop[v] = true;
                loop.push(v * 2 + 1);
            }
        }
        if (loop.size() == 0) {
            return null;
        }
        int members = loop.size();
        for (int i = 0; i < members; i++) {
            IntList sup = supporters.get(loop.get(i) >> 1);
            for (int k = 0; sup != null && k < sup.size(); k++) {
                int w = sup.get(k);
                if (!inLoop[w] && !contains(loop, w * 2)) {
                    loop.push(w * 2);
                }
            }
        }
        int[] c = new int[loop.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = loop.get(i);
        }
        return c;
    }
}
