package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.solver.Explanation.Cause;
import dev.kimigayo.isn.core.solver.Explanation.Requirement;
import dev.kimigayo.isn.core.solver.Rejection.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one failed requirement, with the search state at that moment, into an {@link Explanation}:
 * which contradiction it is, and the chains of requirements from the world that meet in it.
 */
final class Failure {
    private final Search search;
    private final Selection s;
    private final Universe u;

    private Failure(Search search) {
        this.search = search;
        this.s = search.s;
        this.u = search.u;
    }

    static Explanation explain(Search search, Req r) {
        return new Failure(search).explain(r);
    }

    private Explanation explain(Req r) {
        int n = r.dep().nameId();
        String name = r.dep().c().name();
        if (n < 0 || u.providers.get(n).isEmpty()) {
            return new Explanation(Cause.NOT_IN_INDEX, name, List.of(chain(r)), List.of(), List.of(), null);
        }
        List<Rejection> rejected = new ArrayList<>();
        search.cands.collect(r, rejected);
        List<String> versions = versions(n);
        List<Rejection> fitting = rejected.stream().filter(x -> x.reason() != Reason.MISMATCH).toList();
        if (fitting.isEmpty()) {
            return new Explanation(Cause.NO_MATCHING_VERSION, name, List.of(chain(r)), versions, List.of(), null);
        }
        for (Rejection x : fitting) {
            if (x.reason() == Reason.LATEST) {
                Cand newest = x.other();
                Rejection own = rejected.stream().filter(y -> y.cand() == newest).findFirst().orElse(null);
                if (own == null || own.reason() == Reason.MISMATCH) {
                    return new Explanation(Cause.LATEST_UNSUITABLE, name, List.of(chain(r)), versions,
                            List.of(newest.nv()), newest.pkg.version());
                }
                fitting = List.of(own);
                break;
            }
        }
        for (Rejection x : fitting) {
            Explanation e = fromState(r, x, name, versions);
            if (e != null) {
                return e;
            }
        }
        return fromStatic(r, fitting, name, versions);
    }

    private Explanation fromState(Req r, Rejection x, String name, List<String> versions) {
        Cand c = x.cand();
        switch (x.reason()) {
            case CLASH -> {
                Cand holder = x.other();
                Req held = s.why[holder.id];
                List<Requirement> reqs = held == null ? List.of(chain(r)) : List.of(chain(held), chain(r));
                Cause cause = x.name() == r.dep().nameId() ? Cause.VERSION_CONFLICT : Cause.PROVIDER_CLASH;
                String disputed = u.names.get(x.name());
                return new Explanation(cause, cause == Cause.VERSION_CONFLICT ? name : disputed, reqs,
                        cause == Cause.VERSION_CONFLICT ? versions : versions(x.name()),
                        List.of(holder.nv(), c.nv()), disputed);
            }
            case CONFLICTED_BY -> {
                Selection.Declared d = x.declared();
                Requirement decl = d.by() == null ? new Requirement(d.dep().c().toString(), List.of())
                        : extend(chainTo(d.by()), d.by(), d.dep().c().toString());
                List<String> pkgs = d.by() == null ? List.of(c.nv()) : List.of(d.by().nv(), c.nv());
                return new Explanation(Cause.DECLARED_CONFLICT, name, List.of(decl, chain(r)), versions, pkgs,
                        d.dep().c().toString());
            }
            case CONFLICTS_WITH -> {
                Cand q = x.other();
                Requirement mine = extend(chain(r), c, x.declared().dep().c().toString());
                return new Explanation(Cause.DECLARED_CONFLICT, u.names.get(x.name()), List.of(chainTo(q), mine),
                        versions(x.name()), List.of(c.nv(), q.nv()), x.declared().dep().c().toString());
            }
            default -> {
                return null;
            }
        }
    }

    private Explanation fromStatic(Req r, List<Rejection> fitting, String name, List<String> versions) {
        Rejection x = fitting.get(0);
        Cand c = x.cand();
        List<String> pkgs = fitting.stream().map(f -> f.cand().nv()).distinct().toList();
        return switch (x.reason()) {
            case ARCH -> new Explanation(Cause.WRONG_ARCH, name, List.of(chain(r)), versions, pkgs,
                    c.pkg.arch() + " (this system is " + u.arch + ")");
            case TAG -> new Explanation(Cause.TAG_NOT_ALLOWED, name, List.of(chain(r)), versions, pkgs,
                    tagsOf(c));
            case UNAVAILABLE, HELD -> new Explanation(Cause.NOT_AVAILABLE, name, List.of(chain(r)), versions, pkgs,
                    x.reason() == Reason.HELD ? "held at the installed version" : null);
            case BROKEN -> new Explanation(c.brokenCause, name, List.of(chain(r)), versions, pkgs, c.broken);
            default -> new Explanation(Cause.NEEDS_CHOICE, name, List.of(chain(r)), versions, pkgs, null);
        };
    }

    private String tagsOf(Cand c) {
        List<String> t = new ArrayList<>();
        for (int i = 1; i < u.tags.size(); i++) {
            if ((c.tagMask & (1L << i)) != 0) {
                t.add("@" + u.tags.get(i));
            }
        }
        return String.join(" ", t);
    }

    /** Every version the indexes offer {@code name} at, as {@code version} or {@code version (pkg-ver)}. */
    private List<String> versions(int n) {
        List<String> out = new ArrayList<>();
        for (Prov p : u.providers.get(n)) {
            String v = p.cand().nameId == n && p.version() != null ? p.version()
                    : (p.version() == null ? "virtual " : p.version() + " ") + "(" + p.cand().nv() + ")";
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private Requirement chainTo(Cand c) {
        Req why = s.why[c.id];
        return why == null ? new Requirement(null, List.of()) : chain(why);
    }

    private static Requirement extend(Requirement base, Cand by, String needs) {
        List<Explanation.Link> links = new ArrayList<>(base.chain());
        links.add(new Explanation.Link(by.nv(), needs));
        return new Requirement(base.worldEntry(), links);
    }

    /** The chain of packages from the world entry down to {@code r}. */
    Requirement chain(Req r) {
        List<Explanation.Link> links = new ArrayList<>();
        Req cur = r;
        int guard = 0;
        while (cur.requirer() != null && guard++ < 100_000) {
            links.add(new Explanation.Link(cur.requirer().nv(), cur.dep().c().toString()));
            Req up = s.why[cur.requirer().id];
            if (up == null) {
                break;
            }
            if (up.iif()) {
                java.util.Collections.reverse(links);
                return new Requirement(null, links);
            }
            cur = up;
        }
        java.util.Collections.reverse(links);
        return new Requirement(cur.requirer() == null ? cur.root() : r.root(), links);
    }
}
