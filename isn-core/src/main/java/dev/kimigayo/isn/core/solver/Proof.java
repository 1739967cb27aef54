package dev.kimigayo.isn.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The explanation of a request the learning search proved unsatisfiable, in the format of the
 * depth-first search's explanations, built from what holds in every installation:
 * <ul>
 * <li><b>forced</b>: a requirement that exactly one package can still meet gets that package
 *     (and no package installed for another reason could meet it instead);</li>
 * <li><b>impossible</b>: a package is never installable when choosing it and what it forces
 *     meets a requirement nothing can meet (failed-literal probing, deepest packages first,
 *     repeated while it learns something).</li>
 * </ul>
 * Then the explanation follows the depth-first search's first path from the world entries, with
 * what the probes learned: forced packages first, the best candidate that is not impossible where
 * there is a choice, the best impossible one (down to what rules it out) where all are. When
 * forcing alone meets the contradiction, every package on its chains was the only possibility
 * and the explanation is a proof; otherwise it is the first failure of the most preferred path
 * that avoids every package known to be impossible, so it never blames a package the proof
 * excluded for another reason (issue 14: a clash over lsb-base reported for a desktop that fails
 * on a virtual name).
 */
final class Proof {
    /** Packages chosen by all probes together before the proof gives up (bounds its time). */
    private static final long BUDGET = 3_000_000;

    private final Universe u;
    private final Candidates cands;
    private final Selection s;
    private final Search state;
    private final boolean[] impossible;
    private final long allowed;
    private long spent;

    private Proof(Universe u, Candidates cands, long allowed) {
        this.u = u;
        this.cands = cands;
        this.s = cands.s;
        this.state = new Search(u, cands, 0, Set.of());
        this.impossible = new boolean[u.cands.size()];
        this.allowed = allowed;
    }

    /**
     * The proof for {@code world}, probing the packages of {@code reachable} (in the order they were
     * reached), or {@code fallback} when none is found.
     */
    static Explanation explain(Universe u, Candidates cands, List<Req> world, List<Cand> reachable,
            Explanation fallback) {
        long allowed = 1L;
        List<Req> needs = new ArrayList<>();
        for (Req r : world) {
            allowed |= r.allowed();
            if (!r.dep().c().conflict()) {
                needs.add(r);
            } else if (r.dep().nameId() >= 0) {
                cands.s.addWorldConflict(r.dep(), r);
            }
        }
        Proof p = new Proof(u, cands, allowed);
        Req failed = p.propagate(new ArrayDeque<>(needs), false);
        if (failed == null) {
            p.learnImpossible(needs, reachable);
            p.s.undoTo(0);
            failed = p.propagate(new ArrayDeque<>(needs), true);
        }
        return failed == null ? fallback : Failure.explain(p.state, failed);
    }

    /** Marks impossible packages until nothing changes (or the budget is spent). */
    private void learnImpossible(List<Req> needs, List<Cand> reachable) {
        boolean changed = true;
        while (changed && spent < BUDGET) {
            changed = false;
            int base = s.trail.size();
            for (int i = reachable.size() - 1; i >= 0 && spent < BUDGET; i--) {
                Cand c = reachable.get(i);
                if (impossible[c.id] || s.selected[c.id]) {
                    continue;
                }
                if (s.inconsistency(c) != null || probeFails(c)) {
                    impossible[c.id] = true;
                    changed = true;
                }
                s.undoTo(base);
            }
            s.undoTo(0);
            if (propagate(new ArrayDeque<>(needs), false) != null) {
                return;
            }
        }
    }

    private boolean probeFails(Cand c) {
        s.select(c, new Req(new Dep(c.nameId, null), null, null, allowed, 1L, 0, 0, false, false));
        ArrayDeque<Req> queue = new ArrayDeque<>();
        queueDeps(c, queue, null);
        return propagate(queue, false) != null;
    }

    private void queueDeps(Cand c, ArrayDeque<Req> queue, Req why) {
        int inherit = (why == null ? 0 : why.inherit()) | cands.inheritOf(c);
        String root = why == null ? null : why.root();
        for (Dep d : c.deps) {
            queue.add(new Req(d, c, root, why == null ? allowed : why.allowed(), 1L, inherit, inherit, false, false));
        }
    }

    /**
     * Chooses what is forced until a requirement nothing can meet is found (returned) or nothing
     * more is forced (null). With {@code descend}, a requirement whose candidates are all
     * impossible takes the best of them, so the search goes down to what rules it out; and when
     * nothing is forced, the first open requirement takes its best candidate that is not
     * impossible (the depth-first search's first path, with what the probes learned), and a
     * requirement only a package installed for another reason could meet is reported last, as
     * the depth-first search does.
     */
    private Req propagate(ArrayDeque<Req> queue, boolean descend) {
        while (true) {
            boolean progress = false;
            List<Req> pending = new ArrayList<>();
            while (!queue.isEmpty()) {
                Req r = queue.poll();
                if (r.dep().nameId() < 0) {
                    return r;
                }
                if (s.satisfied(r.dep())) {
                    continue;
                }
                List<Prov> all = cands.collect(r, null);
                List<Prov> options = all.stream().filter(p -> !impossible[p.cand().id]).toList();
                if (options.size() > 1 || othersPossible(r, all)) {
                    pending.add(r);
                    continue;
                }
                Prov chosen = options.isEmpty() ? (descend && !all.isEmpty() ? all.get(0) : null) : options.get(0);
                if (chosen == null) {
                    return r;
                }
                choose(chosen.cand(), r, queue);
                progress = true;
            }
            queue.addAll(pending);
            if (progress) {
                continue;
            }
            if (!descend || pending.isEmpty()) {
                return null;
            }
            Req waiting = null;
            for (Req r : pending) {
                List<Prov> options = cands.collect(r, null).stream().filter(p -> !impossible[p.cand().id]).toList();
                if (!options.isEmpty()) {
                    queue.remove(r);
                    choose(options.get(0).cand(), r, queue);
                    waiting = null;
                    break;
                }
                waiting = waiting == null ? r : waiting;
            }
            if (waiting != null) {
                return waiting;
            }
        }
    }

    private void choose(Cand c, Req r, ArrayDeque<Req> queue) {
        spent++;
        s.select(c, r);
        queueDeps(c, queue, r);
    }

    /** Whether a package not chosen for {@code r}, but fitting it, could still be installed for another reason. */
    private boolean othersPossible(Req r, List<Prov> options) {
        for (Prov p : u.providers.get(r.dep().nameId())) {
            boolean option = false;
            for (Prov o : options) {
                option |= o.cand() == p.cand();
            }
            if (!option && !impossible[p.cand().id] && r.dep().fits(p.version()) && p.cand().selectable(cands.prune)
                    && s.inconsistency(p.cand()) == null) {
                return true;
            }
        }
        return false;
    }
}
