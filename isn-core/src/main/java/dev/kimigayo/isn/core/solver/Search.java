package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Depth-first search with conflict-directed backjumping over an explicit stack (no recursion, so a
 * 10,000-deep chain is just 10,000 iterations). Requirements are processed first come, first
 * served; each one either is already satisfied, gets the best consistent candidate (leaving a
 * choice point when others remain), or fails and sends the search back to the latest choice.
 */
final class Search {
    /** A requirement with several usable candidates: where the search can come back to. */
    private static final class Choice {
        final Req req;
        final List<Prov> options;
        final int trail;
        final int queue;
        final int head;
        final int deferred;
        /** Choice points responsible for this requirement and for the candidates it could not use. */
        final int[] reasons;
        int next = 1;
        /** Choice points responsible for the failures met below this one (conflict-directed backjumping). */
        int[] conflict;

        Choice(Req req, List<Prov> options, int[] reasons, int trail, int queue, int head, int deferred) {
            this.req = req;
            this.options = options;
            this.reasons = reasons;
            this.conflict = reasons;
            this.trail = trail;
            this.queue = queue;
            this.head = head;
            this.deferred = deferred;
        }
    }

    final Universe u;
    final Selection s;
    final Candidates cands;
    private final long stepLimit;
    private final Set<Integer> declinedIif;
    private final List<Req> queue = new ArrayList<>();
    private final List<Req> deferred = new ArrayList<>();
    private final List<Choice> choices = new ArrayList<>();
    /** Per chosen package: the choice points it depends on, sorted. */
    private final int[][] ancestry;
    private int head;
    private long steps;
    /** The first failure met, on the most preferred path: the one explanations describe. */
    Explanation firstFailure;
    private boolean decisive;
    /** install_if names whose requirement failed at least once, in order of first failure. */
    final List<Integer> failedIif = new ArrayList<>();

    Search(Universe u, Candidates cands, long stepLimit, Set<Integer> declinedIif) {
        this.u = u;
        this.s = cands.s;
        this.cands = cands;
        this.stepLimit = stepLimit;
        this.declinedIif = declinedIif;
        this.ancestry = new int[u.cands.size()][];
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
                throw new TooComplexException(stepLimit, firstFailure);
            }
            if (head < queue.size()) {
                int[] conflict = process(queue.get(head++));
                if (conflict != null && !backjump(conflict)) {
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
            int[] everything = all();
            fail(unmet, everything);
            if (!backjump(everything)) {
                return false;
            }
        }
    }

    /** Handles one requirement; returns null on success, or the choice points responsible for its failure. */
    private int[] process(Req r) {
        if (r.dep().nameId() < 0) {
            int[] reasons = ancestryOf(r.requirer());
            fail(r, reasons);
            return reasons;
        }
        if (s.satisfied(r.dep())) {
            return null;
        }
        if (!r.postponed() && onlyVirtual(r.dep().nameId())) {
            // A name only provided virtually is decided last: packages chosen for other reasons
            // (an explicit world entry, a dependency) may provide it, and should.
            queue.add(r.postpone());
            return null;
        }
        List<Rejection> rejected = new ArrayList<>();
        List<Prov> options = cands.collect(r, rejected);
        int[] reasons = reasons(r, rejected);
        if (options.isEmpty()) {
            if (r.iif() || deferrable(r)) {
                if (!r.iif()) {
                    deferred.add(r);
                }
                return null;
            }
            fail(r, reasons);
            return reasons;
        }
        if (options.size() > 1) {
            int k = choices.size();
            choices.add(new Choice(r, options, reasons, s.trail.size(), queue.size(), head, deferred.size()));
            choose(options.get(0).cand(), r, ChoiceSets.union(reasons, new int[] {k}));
        } else {
            choose(options.get(0).cand(), r, reasons);
        }
        return null;
    }

    /**
     * The choice points that decided this requirement's situation: those behind the package that
     * declares it, and those behind every package that made a candidate unusable. When the reason
     * may lie anywhere (install_if, virtual names that something else might provide), all of them.
     */
    private int[] reasons(Req r, List<Rejection> rejected) {
        if (r.iif() || r.postponed()) {
            return all();
        }
        int[] out = ancestryOf(r.requirer());
        for (Rejection x : rejected) {
            if (x.reason() == Rejection.Reason.VIRTUAL) {
                return all();
            }
            if (x.other() != null && s.selected[x.other().id]) {
                out = ChoiceSets.union(out, ancestryOf(x.other()));
            }
        }
        return out;
    }

    private int[] ancestryOf(Cand c) {
        if (c == null) {
            return new int[0];
        }
        int[] a = ancestry[c.id];
        return a == null ? all() : a;
    }

    private int[] all() {
        int[] a = new int[choices.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
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
        if (u.providers.get(name).isEmpty()) {
            return false;
        }
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

    private void choose(Cand c, Req r, int[] reasons) {
        s.select(c, r);
        ancestry[c.id] = reasons;
        int inherit = r.inherit() | cands.inheritOf(c);
        for (Dep d : c.deps) {
            queue.add(new Req(d, c, r.root(), r.allowed(), 1L, inherit, inherit, false, false));
        }
    }

    /**
     * Conflict-directed backjumping: goes back to the latest choice point among those responsible
     * for the failure, skipping choices that had nothing to do with it, and takes its next option.
     * A choice point whose options are exhausted passes its accumulated conflict further up.
     */
    private boolean backjump(int[] conflict) {
        while (conflict.length > 0) {
            int k = conflict[conflict.length - 1];
            while (choices.size() > k + 1) {
                choices.remove(choices.size() - 1);
            }
            Choice ch = choices.get(k);
            ch.conflict = ChoiceSets.union(ch.conflict, ChoiceSets.without(conflict, k));
            s.undoTo(ch.trail);
            truncate(queue, ch.queue);
            truncate(deferred, ch.deferred);
            head = ch.head;
            if (ch.next < ch.options.size()) {
                steps++;
                choose(ch.options.get(ch.next++).cand(), ch.req, ChoiceSets.union(ch.reasons, new int[] {k}));
                return true;
            }
            choices.remove(k);
            conflict = ChoiceSets.without(ch.conflict, k);
        }
        choices.clear();
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

    /**
     * Records a failure for the explanation: the first one met (on the most preferred path), unless
     * a later one depends on no choice at all, which then proves by itself that no plan exists.
     */
    private void fail(Req r, int[] reasons) {
        Req top = r;
        while (top.requirer() != null && s.why[top.requirer().id] != null) {
            top = s.why[top.requirer().id];
        }
        if (top.iif() && !failedIif.contains(top.dep().nameId())) {
            failedIif.add(top.dep().nameId());
        }
        if (firstFailure == null || (reasons.length == 0 && !decisive)) {
            firstFailure = Failure.explain(this, r);
            decisive = reasons.length == 0;
        }
    }

    List<Req> queue() {
        return queue;
    }
}
