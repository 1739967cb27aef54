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
 * reading of the JSON and of constraints; only apk's version comparison is shared). One variable
 * per package record reachable from the target; a dependency needs the package of that name at a
 * fitting version, or a fitting versioned provide (a provide without a version never satisfies a
 * dependency automatically: the dataset has no provider_priority); conflicts exclude matching
 * packages; the owners of a name (its packages and its versioned provides) exclude each other; a
 * package providing its own name or one name twice is never installable.
 */
final class SatOracle {
    private static final Pattern CONSTRAINT = Pattern.compile("^(!?)([^<>=~!]+)(?:(<=|>=|<|>|=|~)(.+))?$");
    private final Map<String, List<JsonNode>> byName;
    private final Map<String, List<JsonNode>> providers = new HashMap<>();

    SatOracle(Map<String, List<JsonNode>> byName) {
        this.byName = byName;
        for (List<JsonNode> l : byName.values()) {
            for (JsonNode n : l) {
                for (JsonNode p : n.get("provides")) {
                    providers.computeIfAbsent(p.asText().split("=", 2)[0], k -> new ArrayList<>()).add(n);
                }
            }
        }
    }

    /** The CNF of one target: clauses over 1-based variables, and the record of each variable. */
    record Cnf(List<int[]> clauses, List<JsonNode> records) {
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
        ArrayDeque<JsonNode> todo = new ArrayDeque<>();
        clauses.add(lits(matching(target, false), var, records, todo, 0));
        while (!todo.isEmpty()) {
            JsonNode n = todo.poll();
            int v = var.get(n);
            for (JsonNode d : n.get("depends")) {
                clauses.add(lits(matching(d.asText(), false), var, records, todo, -v));
            }
            if (selfConflicting(n)) {
                clauses.add(new int[] {-v});
            }
        }
        // Conflicts and ownership only among the reachable records: the others are never installed.
        Map<String, List<Integer>> owners = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode n = records.get(i);
            owners.computeIfAbsent(n.get("name").asText(), k -> new ArrayList<>()).add(i + 1);
            for (JsonNode p : n.get("provides")) {
                String[] pv = p.asText().split("=", 2);
                if (pv.length == 2) {
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
        return new Cnf(clauses, records);
    }

    /** Whether some set of packages satisfies the CNF. */
    static boolean satisfiable(Cnf cnf) throws Exception {
        ISolver s = SolverFactory.newDefault();
        s.newVar(cnf.records().size());
        try {
            for (int[] c : cnf.clauses()) {
                s.addClause(new VecInt(c));
            }
        } catch (ContradictionException e) {
            return false;
        }
        return s.isSatisfiable();
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
                boolean ok = pv.length == 2 ? fits(pv[1], op, want) : conflict && op == null;
                if (pv[0].equals(name) && ok && archOk(n) && !out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
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
