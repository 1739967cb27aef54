package dev.kimigayo.isn.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The explanation of a request the learning search proved unsatisfiable. It chooses only what is
 * forced: a requirement that exactly one package can meet (given what is already forced, and with
 * no other package able to meet it by being installed for another reason) gets that package, from
 * the world entries down. When this meets a requirement that nothing can meet any more, every
 * package on its chains was the only possibility, so the usual explanation of that failure (the
 * one the depth-first search gives, same format) is a proof in readable form. When forcing stops
 * short of a contradiction (the proof needs a real case split), the depth-first search's first
 * failure is reported, as before the learning search existed.
 */
final class Proof {
    private Proof() {
    }

    static Explanation explain(Universe u, Candidates cands, List<Req> world, Explanation fallback) {
        Selection s = cands.s;
        Search state = new Search(u, cands, 0, Set.of());
        List<Req> pending = new ArrayList<>();
        for (Req r : world) {
            if (!r.dep().c().conflict()) {
                pending.add(r);
            } else if (r.dep().nameId() >= 0) {
                s.addWorldConflict(r.dep(), r);
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            ArrayDeque<Req> queue = new ArrayDeque<>(pending);
            pending.clear();
            while (!queue.isEmpty()) {
                Req r = queue.poll();
                if (r.dep().nameId() < 0) {
                    return Failure.explain(state, r);
                }
                if (s.satisfied(r.dep())) {
                    continue;
                }
                List<Prov> options = cands.collect(r, null);
                boolean others = othersPossible(u, s, r, options);
                if (options.isEmpty() && !others) {
                    return Failure.explain(state, r);
                }
                if (options.size() == 1 && !others) {
                    Cand c = options.get(0).cand();
                    s.select(c, r);
                    int inherit = r.inherit() | cands.inheritOf(c);
                    for (Dep d : c.deps) {
                        queue.add(new Req(d, c, r.root(), r.allowed(), 1L, inherit, inherit, false, false));
                    }
                    progress = true;
                } else {
                    pending.add(r);
                }
            }
        }
        return fallback;
    }

    /** Whether a package not chosen for {@code r}, but fitting it, could still join the forced ones. */
    private static boolean othersPossible(Universe u, Selection s, Req r, List<Prov> options) {
        for (Prov p : u.providers.get(r.dep().nameId())) {
            boolean option = false;
            for (Prov o : options) {
                option |= o.cand() == p.cand();
            }
            if (!option && r.dep().fits(p.version()) && p.cand().selectable(false)
                    && s.inconsistency(p.cand()) == null) {
                return true;
            }
        }
        return false;
    }
}
