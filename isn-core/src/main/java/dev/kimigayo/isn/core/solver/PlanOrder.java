package dev.kimigayo.isn.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a plan. Installs: depth-first post-order over dependencies (and install_if conditions),
 * starting from the packages in the order they were chosen (world entries sorted by name first),
 * following each package's dependencies in declared order. A dependency cycle is broken where the
 * walk re-enters it, so the member reached first is installed last. Removals: the same walk over
 * the old installed graph, reversed, so dependents go before their dependencies.
 */
final class PlanOrder {
    private PlanOrder() {
    }

    static List<Cand> installOrder(Universe u, Selection s) {
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < s.trail.size(); i++) {
            roots.add(s.trail.get(i));
        }
        return postOrder(roots, id -> {
            Cand c = u.cands.get(id);
            List<Integer> next = new ArrayList<>();
            for (Dep d : c.deps) {
                Cand q = s.satisfier(d);
                if (q != null) {
                    next.add(q.id);
                }
            }
            for (Dep d : c.installIf) {
                Cand q = d.c().conflict() ? null : s.satisfier(d);
                if (q != null) {
                    next.add(q.id);
                }
            }
            return next;
        }).stream().map(u.cands::get).toList();
    }

    static List<InstalledPackage> removalOrder(List<InstalledPackage> installed, Set<String> kept) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < installed.size(); i++) {
            InstalledPackage ip = installed.get(i);
            byName.putIfAbsent(ip.pkg().name(), i);
            ip.pkg().provides().forEach(p -> byName.putIfAbsent(p.name(), byName.get(ip.pkg().name())));
        }
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < installed.size(); i++) {
            if (!kept.contains(installed.get(i).pkg().name())) {
                roots.add(i);
            }
        }
        roots.sort(Comparator.comparing(i -> installed.get(i).pkg().name()));
        List<Integer> post = postOrder(roots, i -> installed.get(i).pkg().depends().stream()
                .filter(d -> !d.conflict() && byName.containsKey(d.name()))
                .map(d -> byName.get(d.name()))
                .filter(j -> !kept.contains(installed.get(j).pkg().name()))
                .toList());
        List<InstalledPackage> out = new ArrayList<>();
        for (int k = post.size() - 1; k >= 0; k--) {
            out.add(installed.get(post.get(k)));
        }
        return out;
    }

    private static List<Integer> postOrder(List<Integer> roots, java.util.function.IntFunction<List<Integer>> edges) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<Integer> out = new ArrayList<>();
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        Map<Integer, List<Integer>> cache = new HashMap<>();
        for (int root : roots) {
            if (!seen.add(root)) {
                continue;
            }
            stack.push(new int[] {root, 0});
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> next = cache.computeIfAbsent(top[0], edges::apply);
                if (top[1] < next.size()) {
                    int n = next.get(top[1]++);
                    if (seen.add(n)) {
                        stack.push(new int[] {n, 0});
                    }
                } else {
                    stack.pop();
                    cache.remove(top[0]);
                    out.add(top[0]);
                }
            }
        }
        return out;
    }
}
