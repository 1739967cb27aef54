package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads apk's APKINDEX text format (records of {@code X:value} lines separated by blank lines),
 * as used by the apk-tools solver fixtures, into solver packages. Test-only: isn's own index
 * format is JSON.
 */
final class ApkIndexReader {
    /** One record: the package and the repository tag recorded for it when installed ({@code s:}). */
    record Entry(SolverPackage pkg, String tag) {
    }

    private ApkIndexReader() {
    }

    static List<Entry> read(Path file) throws IOException, ConstraintSyntaxException {
        List<Entry> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                flush(record, out);
            } else {
                record.add(line);
            }
        }
        flush(record, out);
        return out;
    }

    private static void flush(List<String> record, List<Entry> out) throws ConstraintSyntaxException {
        if (record.isEmpty()) {
            return;
        }
        String name = null;
        String version = null;
        String arch = null;
        String id = null;
        String tag = null;
        int prio = 0;
        List<Constraint> deps = new ArrayList<>();
        List<Provide> provides = new ArrayList<>();
        List<Constraint> iif = new ArrayList<>();
        for (String l : record) {
            String v = l.substring(2).trim();
            switch (l.charAt(0)) {
                case 'P' -> name = v;
                case 'V' -> version = v;
                case 'A' -> arch = v;
                case 'C' -> id = v;
                case 's' -> tag = v;
                case 'k' -> prio = Integer.parseInt(v);
                case 'D' -> {
                    for (String t : words(v)) {
                        deps.add(Constraint.parse(t));
                    }
                }
                case 'p' -> {
                    for (String t : words(v)) {
                        provides.add(Provide.parse(t));
                    }
                }
                case 'i' -> {
                    for (String t : words(v)) {
                        iif.add(Constraint.parse(t));
                    }
                }
                default -> {
                }
            }
        }
        out.add(new Entry(new SolverPackage(name, version, arch, deps, provides, iif, prio, id, null), tag));
        record.clear();
    }

    private static List<String> words(String v) {
        return List.of(v.trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
