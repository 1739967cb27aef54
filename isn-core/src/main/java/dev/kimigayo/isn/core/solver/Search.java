package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Depth-first search with chronological backtracking over an explicit stack (no recursion, so a
 * 10,000-deep chain is just 10,000 iterations). Requirements are processed first come, first
 * served; each one either is already satisfied, gets the best consistent candidate (leaving a
 * choice point when others remain), or fails and sends the search back to the latest choice.
 */
final class Search {
    private record Choice(Req req, List<Prov> options, int next, int trail, int queue, int head, int deferred) {
    }

    final Universe u;
    final Selection s;
    final Candidates cands;
    private final long stepLimit;
    private final Set<Integer> declinedIif;
    private final List<Req> queue = new ArrayList<>();
    private final List<Req> deferred = new ArrayList<>();
    private final ArrayDeque<Choice> choices = new ArrayDeque<>();
    private int head;
    private long steps;
    /** The first failure met, on the most preferred path: the one explanations describe. */
    Explanation firstFailure;
    /** install_if names whose requirement failed at least once, in order of first failure. */
    final List<Integer> failedIif = new ArrayList<>();

    Search(Universe u, Candidates cands, long stepLimit, Set<Integer> declinedIif) {
        this.u = u;
        this.s = cands.s;
        this.cands = cands;
        this.stepLimit = stepLimit;
        this.declinedIif = declinedIif;
    }

    /** Runs to a full selection (true) or proves there is none on this input (false). */
    boolean run(List<Req> world) throws TooComplexException {
        for (Req r : world) {
            if (r.dep().c().conflict()) {
                if (r.dep().nameId() >= 0) {
                    s.addWorldConflict(r.dep(), r);
                }
            } else {
                queue.add(r);
            }
        }
        while (true) {
            if (++steps > stepLimit) {
                throw new TooComplexException(stepLimit);
            }
            if (head < queue.size()) {
                if (!process(queue.get(head++)) && !backtrack()) {
                    return false;
                }
                continue;
            }
            if (pushTriggered()) {
                continue;
            }
            Req unmet = unmetDeferred();
            if (unmet == null) {
                return true;
            }
            fail(unmet);
            if (!backtrack()) {
                return false;
            }
        }
    }

    private boolean process(Req r) {
        if (r.dep().nameId() < 0) {
            fail(r);
            return false;
        }
        if (s.satisfied(r.dep())) {
            return true;
        }
        if (!r.postponed() && onlyVirtual(r.dep().nameId())) {
            // A name only provided virtually is decided last: packages chosen for other reasons
            // (an explicit world entry, a dependency) may provide it, and should.
            queue.add(r.postpone());
            return true;
        }
        List<Prov> options = cands.collect(r, null);
        if (options.isEmpty()) {
            if (r.iif() || deferrable(r)) {
                if (!r.iif()) {
                    deferred.add(r);
                }
                return true;
            }
            fail(r);
            return false;
        }
        if (options.size() > 1) {
            choices.push(new Choice(r, options, 1, s.trail.size(), queue.size(), head, deferred.size()));
        }
        choose(options.get(0).cand(), r);
        return true;
    }

    /** An unversioned requirement on a name with virtual providers waits: something else may provide it. */
    private boolean deferrable(Req r) {
        if (r.dep().c().op() != null) {
            return false;
        }
        for (Prov p : u.providers.get(r.dep().nameId())) {
            if (p.isVirtual()) {
                return true;
            }
        }
        return false;
    }

    private boolean onlyVirtual(int name) {
        for (Prov p : u.providers.get(name)) {
            if (!p.isVirtual()) {
                return false;
            }
        }
        return true;
    }

    /** A deferred virtual requirement counts as met only by a package chosen as a dependency, not by install_if. */
    private Req unmetDeferred() {
        for (Req r : deferred) {
            IntList p = s.providers[r.dep().nameId()];
            boolean met = false;
            for (int i = 0; p != null && i < p.size() && !met; i++) {
                Req why = s.why[p.get(i)];
                met = why != null && !why.iif();
            }
            if (!met) {
                return r;
            }
        }
        return null;
    }

    private void choose(Cand c, Req r) {
        s.select(c, r);
        int inherit = r.inherit() | cands.inheritOf(c);
        for (Dep d : c.deps) {
            queue.add(new Req(d, c, r.root(), r.allowed(), 1L, inherit, inherit, false, false));
        }
    }

    private boolean backtrack() {
        while (!choices.isEmpty()) {
            Choice ch = choices.pop();
            s.undoTo(ch.trail());
            truncate(queue, ch.queue());
            truncate(deferred, ch.deferred());
            head = ch.head();
            if (ch.next() < ch.options().size()) {
                if (ch.next() + 1 < ch.options().size()) {
                    choices.push(new Choice(ch.req(), ch.options(), ch.next() + 1, ch.trail(), ch.queue(), ch.head(),
                            ch.deferred()));
                }
                steps++;
                choose(ch.options().get(ch.next()).cand(), ch.req());
                return true;
            }
        }
        return false;
    }

    private static void truncate(List<Req> l, int size) {
        while (l.size() > size) {
            l.remove(l.size() - 1);
        }
    }

    /** Queues one requirement per install_if name whose conditions now hold; false when there is none. */
    private boolean pushTriggered() {
        boolean any = false;
        List<Cand> triggered = new ArrayList<>();
        for (Cand c : u.installIfCands) {
            int n = c.nameId;
            if (s.selected[c.id] || s.owner[n] >= 0 || declinedIif.contains(n) || !Triggers.holds(s, c)
                    || !c.selectable(cands.prune) || !cands.tagOk(c, Triggers.allowed(s, c))
                    || s.inconsistency(c) != null) {
                continue;
            }
            triggered.add(c);
        }
        triggered.sort((a, b) -> u.names.get(a.nameId).compareTo(u.names.get(b.nameId)));
        int last = -1;
        for (Cand c : triggered) {
            if (c.nameId == last) {
                continue;
            }
            last = c.nameId;
            Dep d = new Dep(c.nameId, new Constraint(u.names.get(c.nameId), null, null, null, false));
            queue.add(new Req(d, null, null, Triggers.allowed(s, c), 1L, 0, 0, true, false));
            any = true;
        }
        return any;
    }

    private void fail(Req r) {
        Req top = r;
        while (top.requirer() != null && s.why[top.requirer().id] != null) {
            top = s.why[top.requirer().id];
        }
        if (top.iif() && !failedIif.contains(top.dep().nameId())) {
            failedIif.add(top.dep().nameId());
        }
        if (firstFailure == null) {
            firstFailure = Failure.explain(this, r);
        }
    }

    List<Req> queue() {
        return queue;
    }
}
