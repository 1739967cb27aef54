package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.solver.SolveRequest.Operation;
import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request translated into solver flags: those in force for the whole world, those attached to
 * named packages (and, with depends, passed on to their dependencies), and the held names.
 */
record Flags(Universe u, int global, Map<Integer, Integer> named, Map<Integer, Integer> namedInherit,
        Set<Integer> held, boolean prune) {

    static Flags of(Universe u, SolveRequest r) {
        int global = r.available() ? Req.AVAILABLE : 0;
        int perName = 0;
        boolean inherit = r.depends();
        switch (r.operation()) {
            case UPGRADE -> {
                int f = Req.UPGRADE | (r.latest() ? Req.LATEST : 0);
                if (r.targets().isEmpty()) {
                    global |= f;
                } else {
                    perName = f;
                }
            }
            case ADD -> {
                perName = (r.upgrade() ? Req.UPGRADE : 0) | (r.latest() ? Req.LATEST : 0);
                inherit = true;
            }
            case FIX -> perName = Req.REINSTALL | (r.upgrade() ? Req.UPGRADE : 0);
            default -> global |= r.latest() ? Req.LATEST : 0;
        }
        Map<Integer, Integer> named = new HashMap<>();
        Map<Integer, Integer> namedInherit = new HashMap<>();
        if (perName != 0 && r.operation() != Operation.REMOVE) {
            List<Constraint> targets = r.targets();
            if (r.operation() == Operation.ADD && r.virtual() != null) {
                targets = List.of(new Constraint(r.virtual().name(), null, null, null, false));
            }
            for (Constraint c : targets) {
                int n = u.findName(c.name());
                if (n >= 0) {
                    named.merge(n, perName, (a, b) -> a | b);
                    if (inherit) {
                        namedInherit.merge(n, perName & ~Req.LATEST, (a, b) -> a | b);
                    }
                }
            }
        }
        Set<Integer> held = new HashSet<>();
        for (String name : r.ignore()) {
            int n = u.findName(name);
            if (n >= 0) {
                held.add(n);
            }
        }
        return new Flags(u, global, named, namedInherit, held, r.prune());
    }

    /** The world as requirements, sorted by name as apk does; with prune, entries nothing can satisfy are dropped. */
    List<Req> worldRequirements(List<Constraint> world, Candidates c) {
        List<Req> out = new ArrayList<>();
        for (Constraint w : WorldEdit.sorted(world)) {
            int n = u.findName(w.name());
            if (prune && !w.conflict() && !anySelectable(n)) {
                continue;
            }
            long allowed = 1L;
            long preferred = 1L;
            if (w.tag() != null) {
                int t = u.tags.indexOf(w.tag());
                allowed |= t < 0 ? 0 : 1L << t;
                preferred = t < 0 ? 1L : 1L << t;
            }
            out.add(new Req(new Dep(n, w), null, w.toString(), allowed, preferred, global, global & ~Req.LATEST,
                    false, false));
        }
        return out;
    }

    private boolean anySelectable(int n) {
        if (n < 0) {
            return false;
        }
        for (Prov p : u.providers.get(n)) {
            if (p.cand().selectable(true)) {
                return true;
            }
        }
        return false;
    }
}
