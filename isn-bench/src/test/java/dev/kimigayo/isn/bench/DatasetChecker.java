package dev.kimigayo.isn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kimigayo.isn.core.version.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An independent check of a resolved package set against the raw dataset: it reads the JSON
 * itself (Jackson tree model, not the solver's loader), parses constraints with its own pattern,
 * and shares only apk's version comparison with isn. It knows nothing of the solver.
 */
final class DatasetChecker {
    private static final Pattern CONSTRAINT = Pattern.compile("^(!?)([^<>=~!]+)(?:(<=|>=|<|>|=|~)(.+))?$");
    private final Map<String, List<JsonNode>> byName = new HashMap<>();

    DatasetChecker(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = m.readTree(line);
                byName.computeIfAbsent(n.get("name").asText(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** Replaces one dependency of one package (to restore an alternative the dataset dropped). */
    void replaceDependency(String pkg, String from, String to) {
        for (JsonNode n : byName.get(pkg)) {
            com.fasterxml.jackson.databind.node.ArrayNode deps =
                    (com.fasterxml.jackson.databind.node.ArrayNode) n.get("depends");
            for (int i = 0; i < deps.size(); i++) {
                if (deps.get(i).asText().equals(from)) {
                    deps.set(i, deps.textNode(to));
                }
            }
        }
    }

    /** Every violation of the set {@code name -> version}: missing packages, unmet dependencies, conflicts. */
    List<String> violations(Map<String, String> installed) {
        List<String> out = new ArrayList<>();
        Map<String, JsonNode> chosen = new HashMap<>();
        installed.forEach((name, version) -> {
            JsonNode n = find(name, version);
            if (n == null) {
                out.add(name + "-" + version + " is not in the dataset");
            } else {
                chosen.put(name, n);
            }
        });
        for (JsonNode n : chosen.values()) {
            String who = n.get("name").asText() + "-" + n.get("version").asText();
            for (JsonNode d : n.get("depends")) {
                if (!satisfied(d.asText(), chosen, null)) {
                    out.add(who + " needs " + d.asText() + ", which nothing installed satisfies");
                }
            }
            for (JsonNode c : n.get("conflicts")) {
                if (satisfied(c.asText().substring(1), chosen, n)) {
                    out.add(who + " conflicts with " + c.asText() + ", which is installed");
                }
            }
        }
        return out;
    }

    private JsonNode find(String name, String version) {
        for (JsonNode n : byName.getOrDefault(name, List.of())) {
            if (n.get("version").asText().equals(version)) {
                return n;
            }
        }
        return null;
    }

    /** Whether some chosen package other than {@code self} is, or provides, the constraint. */
    private static boolean satisfied(String constraint, Map<String, JsonNode> chosen, JsonNode self) {
        Matcher m = CONSTRAINT.matcher(constraint);
        if (!m.matches()) {
            throw new IllegalArgumentException("unparsable constraint " + constraint);
        }
        String name = m.group(2);
        String op = m.group(3);
        String ver = m.group(4);
        JsonNode real = chosen.get(name);
        if (real != null && real != self && fits(real.get("version").asText(), op, ver)) {
            return true;
        }
        for (JsonNode n : chosen.values()) {
            if (n == self) {
                continue;
            }
            for (JsonNode p : n.get("provides")) {
                String[] pv = p.asText().split("=", 2);
                if (pv[0].equals(name) && (op == null || (pv.length == 2 && fits(pv[1], op, ver)))) {
                    return true;
                }
            }
        }
        return false;
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

    /** Every raw record, by name (for the SAT oracle). */
    Map<String, List<JsonNode>> all() {
        return byName;
    }

    /** The raw record of a package, for facts about the data. */
    List<JsonNode> packages(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
