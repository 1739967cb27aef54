package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the packages that could satisfy a requirement now, best first. The order follows apk's
 * preferences: available (with --available), preferred repository tag, the installed package of
 * the same name (unless upgrading), highest version of the requested name, highest version of
 * the package, installed, provider priority, earliest repository.
 */
final class Candidates {
    final Universe u;
    final Selection s;
    final boolean prune;
    final Map<Integer, Integer> nameFlags;
    final Map<Integer, Integer> nameInherit;
    final Set<Integer> held;
    /**
     * Packages to try first whatever the other preferences say (indexed by candidate id), or null:
     * the learning search's selection, which the depth-first search then follows to apply
     * install_if with its usual backtracking.
     */
    boolean[] hint;

    Candidates(Universe u, Selection s, boolean prune, Map<Integer, Integer> nameFlags,
            Map<Integer, Integer> nameInherit, Set<Integer> held) {
        this.u = u;
        this.s = s;
        this.prune = prune;
        this.nameFlags = nameFlags;
        this.nameInherit = nameInherit;
        this.held = held;
    }

    int inheritOf(Cand c) {
        if (nameInherit.isEmpty()) {
            return 0;
        }
        int f = 0;
        for (int n : c.provNames) {
            f |= nameInherit.getOrDefault(n, 0);
        }
        return f;
    }

    int flagsOf(Cand c) {
        // Most requests (and every solve of isn check) name no flags: skip the boxed lookups.
        if (nameFlags.isEmpty()) {
            return 0;
        }
        int f = 0;
        for (int n : c.provNames) {
            f |= nameFlags.getOrDefault(n, 0);
        }
        return f;
    }

    boolean tagOk(Cand c, long allowed) {
        return (c.tagMask & allowed) != 0 || c.isInstalled();
    }

    /** The usable candidates, best first; adds the reason for every other provider to {@code rejected}. */
    List<Prov> collect(Req r, List<Rejection> rejected) {
        int n = r.dep().nameId();
        List<Prov> out = new ArrayList<>();
        List<Prov> all = u.providers.get(n);
        Prov newest = (r.has(Req.LATEST) || hasFlag(all, Req.LATEST)) ? newest(r, all) : null;
        for (Prov p : all) {
            Rejection why = check(r, p, newest);
            if (why == null) {
                out.add(p);
            } else if (rejected != null) {
                rejected.add(why.of(p.cand()));
            }
        }
        out.sort((a, b) -> compare(r, a, b));
        return out;
    }

    private boolean hasFlag(List<Prov> all, int flag) {
        for (Prov p : all) {
            if ((flagsOf(p.cand()) & flag) != 0) {
                return true;
            }
        }
        return false;
    }

    private Rejection check(Req r, Prov p, Prov newest) {
        Rejection x = staticCheck(r, p, newest);
        if (x != null) {
            return x;
        }
        if (r.iif() && !Triggers.holds(s, p.cand())) {
            return Rejection.simple(Rejection.Reason.MISMATCH);
        }
        return s.inconsistency(p.cand());
    }

    /** The providers usable for {@code r} whatever else is chosen, best first (the learning search's clauses). */
    List<Prov> usable(Req r) {
        int n = r.dep().nameId();
        List<Prov> out = new ArrayList<>();
        List<Prov> all = u.providers.get(n);
        Prov newest = (r.has(Req.LATEST) || hasFlag(all, Req.LATEST)) ? newest(r, all) : null;
        for (Prov p : all) {
            if (staticCheck(r, p, newest) == null) {
                out.add(p);
            }
        }
        out.sort((a, b) -> compare(r, a, b));
        return out;
    }

    /** The reasons that do not depend on the packages chosen so far. */
    private Rejection staticCheck(Req r, Prov p, Prov newest) {
        Cand c = p.cand();
        if (!r.dep().fits(p.version())) {
            return Rejection.simple(Rejection.Reason.MISMATCH);
        }
        if (newest != null && newest.cand() != c) {
            return Rejection.latest(newest.cand());
        }
        if (!c.archOk) {
            return Rejection.simple(Rejection.Reason.ARCH);
        }
        if (c.broken != null) {
            return Rejection.simple(Rejection.Reason.BROKEN);
        }
        if (!c.selectable(prune)) {
            return Rejection.simple(Rejection.Reason.UNAVAILABLE);
        }
        if (!tagOk(c, r.allowed())) {
            return Rejection.simple(Rejection.Reason.TAG);
        }
        if (held.contains(c.nameId) && !c.isInstalled() && installedExists(c.nameId)) {
            return Rejection.simple(Rejection.Reason.HELD);
        }
        if (p.isVirtual() && c.pkg.providerPriority() <= 0 && !r.iif()
                && !(u.policy == ProvidesPolicy.SHARED && u.providers.get(r.dep().nameId()).size() == 1)) {
            return Rejection.simple(Rejection.Reason.VIRTUAL);
        }
        return null;
    }

    private boolean installedExists(int name) {
        for (Prov p : u.providers.get(name)) {
            if (p.cand().nameId == name && p.cand().isInstalled()) {
                return true;
            }
        }
        return false;
    }

    /** With --latest: the single newest allowed provider, whatever the constraint says. */
    private Prov newest(Req r, List<Prov> all) {
        Prov best = null;
        for (Prov p : all) {
            if (!tagOk(p.cand(), r.allowed()) || (p.isVirtual() && p.cand().pkg.providerPriority() <= 0)) {
                continue;
            }
            if (best == null || compareLatest(r, p, best) < 0) {
                best = p;
            }
        }
        return best;
    }

    private int compareLatest(Req r, Prov a, Prov b) {
        Cand x = a.cand();
        Cand y = b.cand();
        if (((r.flags() | flagsOf(x) | flagsOf(y)) & Req.AVAILABLE) != 0 && x.available != y.available) {
            return x.available ? -1 : 1;
        }
        return tail(a, b);
    }

    /** Negative when {@code a} is the better choice for {@code r}. */
    int compare(Req r, Prov a, Prov b) {
        Cand x = a.cand();
        Cand y = b.cand();
        if (hint != null && hint[x.id] != hint[y.id]) {
            return hint[x.id] ? -1 : 1;
        }
        int flags = r.flags() | flagsOf(x) | flagsOf(y);
        if ((flags & Req.AVAILABLE) != 0 && x.available != y.available) {
            return x.available ? -1 : 1;
        }
        boolean px = (x.tagMask & r.preferred()) != 0;
        boolean py = (y.tagMask & r.preferred()) != 0;
        if (px != py) {
            return px ? -1 : 1;
        }
        // Keeping what is installed only weighs against other builds of the same package, or
        // between providers that are all stand-ins for the requested name; a real package of the
        // requested name is not displaced by an installed package that merely provides it.
        int req = r.dep().nameId();
        boolean sameFamily = x.nameId == y.nameId || (x.nameId != req && y.nameId != req);
        if ((flags & Req.UPGRADE) == 0 && sameFamily && x.isInstalled() != y.isInstalled()) {
            return x.isInstalled() ? -1 : 1;
        }
        return tail(a, b);
    }

    private int tail(Prov a, Prov b) {
        Cand x = a.cand();
        Cand y = b.cand();
        int v = compareVersions(a.version(), b.version());
        if (v != 0) {
            return -v;
        }
        if (x.nameId == y.nameId) {
            v = Version.compare(x.pkg.version(), y.pkg.version());
            if (v != 0) {
                return -v;
            }
        }
        if (x.pkg.providerPriority() != y.pkg.providerPriority()) {
            return Integer.compare(y.pkg.providerPriority(), x.pkg.providerPriority());
        }
        if (x.isInstalled() != y.isInstalled()) {
            return x.isInstalled() ? -1 : 1;
        }
        if (x.firstRepo() != y.firstRepo()) {
            return Integer.compare(x.firstRepo(), y.firstRepo());
        }
        return Integer.compare(x.id, y.id);
    }

    private static int compareVersions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Version.compare(a, b);
    }
}
