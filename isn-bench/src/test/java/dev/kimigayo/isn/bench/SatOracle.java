package dev.kimigayo.isn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kimigayo.isn.core.version.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;

/**
 * apk's rules on the raw dataset as CNF, decided by Sat4j: independent of isn's solver (its own
 * reading of the JSON and of constraints; only apk's version comparison is shared).
 *
 * <p>The semantics (docs/solver.md, "Semantics"): one variable per package record reachable from
 * the target. A package may be <em>chosen</em> for a dependency when it has that name at a fitting
 * version or a fitting versioned provide; a provide without a version never makes its package
 * chosen (the dataset has no provider_priority: apk-package(5), apk's provides14 case), but it
 * <em>satisfies</em> an unversioned dependency when its package is installed for another reason.
 * Clauses: every dependency of an installed package is satisfied; conflicts exclude matching
 * packages; the owners of a name (its packages and its versioned provides) exclude each other; a
 * package providing its own name or one name twice is never installable; and every installed
 * package was chosen by an installed package or by the target (support). A model whose packages
 * are not all reached from the target through such choices (a cycle that only supports itself)
 * is excluded by a loop clause and Sat4j asked again, so {@link #satisfiable} answers exactly
 * "does an installation exist that apk's rules could choose".
 */
final class SatOracle {
    private static final Pattern CONSTRAINT = Pattern.compile("^(!?)([^<>=~!]+)(?:(<=|>=|<|>|=|~)(.+))?$");
    private final Map<String, List<JsonNode>> byName;
    private final Map<String, List<JsonNode>> providers = new HashMap<>();

    private final boolean shared;

    /**
     * The oracle over every record, by name; {@code shared}: Debian's provides rule
     * ({@code ProvidesPolicy.SHARED}: only a package's own name is owned, and a provide without a
     * version is chosen when it is the name's only provider) instead of apk's.
     */
    SatOracle(Map<String, List<JsonNode>> byName, boolean shared) {
        this.byName = byName;
        this.shared = shared;
        for (List<JsonNode> l : byName.values()) {
            for (JsonNode n : l) {
                for (JsonNode p : n.get("provides")) {
                    providers.computeIfAbsent(p.asText().split("=", 2)[0], k -> new ArrayList<>()).add(n);
                }
            }
        }
    }

    /**
     * The CNF of one target: clauses over 1-based variables, the record of each variable, and for
     * each variable the variables that may choose it ({@code null}: the target may).
     */
    record Cnf(List<int[]> clauses, List<JsonNode> records, List<List<Integer>> chosenBy,
            List<List<Integer>> mayChoose, int[] target) {
        /** The first clause the installed set (records) breaks, as text, or null. */
        String broken(Set<JsonNode> installed) {
            for (int[] c : clauses) {
                boolean ok = false;
                List<String> text = new ArrayList<>();
                for (int l : c) {
                    JsonNode n = records.get(Math.abs(l) - 1);
                    ok |= installed.contains(n) == (l > 0);
                    text.add((l > 0 ? "" : "!") + n.get("name").asText() + "-" + n.get("version").asText());
                }
                if (!ok) {
                    return String.join(" | ", text);
                }
            }
            return null;
        }
    }

    Cnf encode(String target) {
        Map<JsonNode, Integer> var = new IdentityHashMap<>();
        List<JsonNode> records = new ArrayList<>();
        List<int[]> clauses = new ArrayList<>();
        List<List<Integer>> chosenBy = new ArrayList<>();
        List<List<Integer>> mayChoose = new ArrayList<>();
        ArrayDeque<JsonNode> todo = new ArrayDeque<>();
        List<int[]> deps = new ArrayList<>();
        List<String> depText = new ArrayList<>();
        int[] top = lits(matching(target, false), var, records, todo, 0);
        for (int v : top) {
            grow(chosenBy, mayChoose, v);
            chosenBy.set(v - 1, null);
        }
        deps.add(top);
        depText.add(target);
        while (!todo.isEmpty()) {
            JsonNode n = todo.poll();
            int v = var.get(n);
            for (JsonNode d : n.get("depends")) {
                int[] c = lits(matching(d.asText(), false), var, records, todo, -v);
                for (int i = 1; i < c.length; i++) {
                    grow(chosenBy, mayChoose, c[i]);
                    if (chosenBy.get(c[i] - 1) != null && !chosenBy.get(c[i] - 1).contains(v)) {
                        chosenBy.get(c[i] - 1).add(v);
                    }
                    grow(chosenBy, mayChoose, v);
                    mayChoose.get(v - 1).add(c[i]);
                }
                deps.add(c);
                depText.add(d.asText());
            }
            if (selfConflicting(n)) {
                clauses.add(new int[] {-v});
            }
        }
        grow(chosenBy, mayChoose, records.size());
        // Now that every record that can be installed has a variable, the unversioned provides
        // among them join the dependencies they satisfy.
        for (int i = 0; i < deps.size(); i++) {
            List<Integer> c = new ArrayList<>();
            for (int l : deps.get(i)) {
                c.add(l);
            }
            for (JsonNode q : unversionedProviders(depText.get(i))) {
                Integer w = var.get(q);
                if (w != null && !c.contains(w)) {
                    c.add(w);
                }
            }
            clauses.add(c.stream().mapToInt(Integer::intValue).toArray());
        }
        for (int v = 1; v <= records.size(); v++) {
            List<Integer> by = chosenBy.get(v - 1);
            if (by != null) {
                int[] c = new int[by.size() + 1];
                c[0] = -v;
                for (int i = 0; i < by.size(); i++) {
                    c[i + 1] = by.get(i);
                }
                clauses.add(c);
            }
        }
        exclusions(records, var, clauses);
        return new Cnf(clauses, records, chosenBy, mayChoose, top);
    }

    private static void grow(List<List<Integer>> chosenBy, List<List<Integer>> mayChoose, int v) {
        while (chosenBy.size() < v) {
            chosenBy.add(new ArrayList<>());
            mayChoose.add(new ArrayList<>());
        }
    }

    /** Conflicts and ownership, only among the reachable records: the others are never installed. */
    private void exclusions(List<JsonNode> records, Map<JsonNode, Integer> var, List<int[]> clauses) {
        Map<String, List<Integer>> owners = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode n = records.get(i);
            owners.computeIfAbsent(n.get("name").asText(), k -> new ArrayList<>()).add(i + 1);
            for (JsonNode p : n.get("provides")) {
                String[] pv = p.asText().split("=", 2);
                if (pv.length == 2 && !shared) {
                    owners.computeIfAbsent(pv[0], k -> new ArrayList<>()).add(i + 1);
                }
            }
            for (JsonNode c : n.get("conflicts")) {
                for (JsonNode q : matching(c.asText().substring(1), true)) {
                    Integer w = var.get(q);
                    if (w != null && q != n) {
                        clauses.add(new int[] {-(i + 1), -w});
                    }
                }
            }
        }
        for (List<Integer> o : owners.values()) {
            for (int i = 0; i < o.size(); i++) {
                for (int j = i + 1; j < o.size(); j++) {
                    if (!o.get(i).equals(o.get(j))) {
                        clauses.add(new int[] {-o.get(i), -o.get(j)});
                    }
                }
            }
        }
    }

    /** Whether some set of packages apk's rules could choose satisfies the CNF. */
    static boolean satisfiable(Cnf cnf) throws Exception {
        List<int[]> loops = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            ISolver s = SolverFactory.newDefault();
            s.newVar(cnf.records().size());
            try {
                for (int[] c : cnf.clauses()) {
                    s.addClause(new VecInt(c));
                }
                for (int[] c : loops) {
                    s.addClause(new VecInt(c));
                }
            } catch (ContradictionException e) {
                return false;
            }
            if (!s.isSatisfiable()) {
                return false;
            }
            boolean[] in = new boolean[cnf.records().size() + 1];
            for (int l : s.model()) {
                in[Math.abs(l)] = l > 0;
            }
            int[] loop = loop(cnf, in);
            if (loop == null) {
                return true;
            }
            loops.add(loop);
        }
        throw new IllegalStateException("no well-founded model after 10,000 loop clauses");
    }

    /** The loop clause excluding the installed packages the target does not reach, or null. */
    private static int[] loop(Cnf cnf, boolean[] in) {
        boolean[] reached = new boolean[in.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int v : cnf.target()) {
            if (in[v] && !reached[v]) {
                reached[v] = true;
                queue.add(v);
            }
        }
        while (!queue.isEmpty()) {
            for (int w : cnf.mayChoose().get(queue.poll() - 1)) {
                if (in[w] && !reached[w]) {
                    reached[w] = true;
                    queue.add(w);
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int v = 1; v < in.length; v++) {
            if (in[v] && !reached[v]) {
                out.add(-v);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        int members = out.size();
        for (int i = 0; i < members; i++) {
            for (int w : cnf.chosenBy().get(-out.get(i) - 1)) {
                if (!out.contains(-w) && !out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] lits(List<JsonNode> ps, Map<JsonNode, Integer> var, List<JsonNode> records,
            ArrayDeque<JsonNode> todo, int trigger) {
        List<Integer> out = new ArrayList<>();
        if (trigger != 0) {
            out.add(trigger);
        }
        for (JsonNode p : ps) {
            Integer v = var.get(p);
            if (v == null) {
                records.add(p);
                v = records.size();
                var.put(p, v);
                todo.add(p);
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Records that satisfy an unversioned {@code constraint} by a provide without a version. */
    private List<JsonNode> unversionedProviders(String constraint) {
        Matcher m = CONSTRAINT.matcher(constraint);
        if (!m.matches() || m.group(3) != null) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : providers.getOrDefault(m.group(2), List.of())) {
            for (JsonNode p : n.get("provides")) {
                if (p.asText().equals(m.group(2)) && archOk(n) && !out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Records that satisfy {@code constraint}; with {@code conflict}, unversioned provides match too. */
    private List<JsonNode> matching(String constraint, boolean conflict) {
        Matcher m = CONSTRAINT.matcher(constraint);
        if (!m.matches()) {
            throw new IllegalArgumentException("unparsable constraint " + constraint);
        }
        String name = m.group(2);
        String op = m.group(3);
        String want = m.group(4);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : byName.getOrDefault(name, List.of())) {
            if (archOk(n) && fits(n.get("version").asText(), op, want)) {
                out.add(n);
            }
        }
        for (JsonNode n : providers.getOrDefault(name, List.of())) {
            for (JsonNode p : n.get("provides")) {
                String[] pv = p.asText().split("=", 2);
                boolean ok = pv.length == 2 ? fits(pv[1], op, want) : (conflict || soleProvider(name)) && op == null;
                if (pv[0].equals(name) && ok && archOk(n) && !out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private boolean soleProvider(String name) {
        return shared && byName.getOrDefault(name, List.of()).size() + providers.getOrDefault(name, List.of()).size() == 1;
    }

    private static boolean selfConflicting(JsonNode n) {
        List<String> seen = new ArrayList<>();
        seen.add(n.get("name").asText());
        for (JsonNode p : n.get("provides")) {
            String name = p.asText().split("=", 2)[0];
            if (seen.contains(name)) {
                return true;
            }
            seen.add(name);
        }
        return false;
    }

    private static boolean archOk(JsonNode n) {
        String a = n.get("architecture").asText();
        return a.equals("x86_64") || a.equals("noarch");
    }

    private static boolean fits(String v, String op, String want) {
        if (op == null) {
            return true;
        }
        int c = Version.compare(v, want);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "=" -> c == 0;
            default -> Version.fuzzyMatch(v, want);
        };
    }
}
