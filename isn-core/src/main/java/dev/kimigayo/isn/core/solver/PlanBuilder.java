package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares the solved selection with the installed set and orders the differences. */
final class PlanBuilder {
    private PlanBuilder() {
    }

    static Solution build(Universe u, Solver.Attempt attempt, Selection s, List<Constraint> world,
            List<InstalledPackage> installed, List<UnsatisfiableException> skipped) {
        List<Cand> order = PlanOrder.installOrder(u, s);
        Map<String, InstalledPackage> old = new HashMap<>();
        for (InstalledPackage ip : installed) {
            old.put(ip.pkg().name(), ip);
        }
        List<Change> changes = new ArrayList<>();
        List<InstalledPackage> after = new ArrayList<>();
        Map<String, Cand> chosen = new HashMap<>();
        for (Cand c : order) {
            chosen.put(c.pkg.name(), c);
            String tag = tagOf(u, s, c);
            after.add(new InstalledPackage(c.pkg, tag));
            InstalledPackage was = old.get(c.pkg.name());
            int repo = repoOf(u, c, tag);
            if (was == null) {
                changes.add(new Change(Action.INSTALL, c.pkg.name(), null, c.pkg.version(), null, tag, c.pkg, repo));
                continue;
            }
            Action a;
            if (c.installed == was) {
                int flags = s.why[c.id].flags() | attempt.flags.named().getOrDefault(c.nameId, 0);
                if ((flags & Req.REINSTALL) != 0) {
                    a = Action.REINSTALL;
                } else if (!java.util.Objects.equals(tag, was.tag())) {
                    a = Action.REPIN;
                } else {
                    continue;
                }
            } else {
                int cmp = Version.compare(c.pkg.version(), was.pkg().version());
                a = cmp > 0 ? Action.UPGRADE : cmp < 0 ? Action.DOWNGRADE : Action.REPLACE;
            }
            changes.add(new Change(a, c.pkg.name(), was.pkg().version(), c.pkg.version(), was.tag(), tag, c.pkg,
                    repo));
        }
        List<Change> removals = new ArrayList<>();
        for (InstalledPackage ip : PlanOrder.removalOrder(installed, chosen.keySet())) {
            removals.add(new Change(Action.REMOVE, ip.pkg().name(), ip.pkg().version(), null, ip.tag(), null,
                    ip.pkg(), -1));
        }
        removals.addAll(changes);
        return new Solution(removals, world, after, skipped);
    }

    /** The first tag the package was allowed that it actually carries (untagged first), as apk picks it. */
    static String tagOf(Universe u, Selection s, Cand c) {
        long allowed = s.why[c.id] == null ? 1L : s.why[c.id].allowed();
        long both = allowed & c.tagMask;
        if (both != 0) {
            return u.tagName(Long.lowestOneBit(both));
        }
        if (c.installed != null) {
            return c.installed.tag();
        }
        return c.tagMask == 0 ? null : u.tagName(Long.lowestOneBit(c.tagMask));
    }

    private static int repoOf(Universe u, Cand c, String tag) {
        for (int r : c.repos) {
            String t = u.repositories.get(r).tag();
            if (java.util.Objects.equals(t, tag) && u.repositories.get(r).available()) {
                return r;
            }
        }
        for (int r : c.repos) {
            if (u.repositories.get(r).available()) {
                return r;
            }
        }
        return -1;
    }
}
