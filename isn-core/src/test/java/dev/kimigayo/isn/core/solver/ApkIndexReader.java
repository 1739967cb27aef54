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
        return firstOfEachChecksum(out);
    }

    /**
     * apk keys its package table by the checksum's bytes and keeps the first record of a checksum.
     * Two base64 texts can decode to the same bytes (the bits past the last byte are ignored): in
     * installif1.repo libiif's "...yysE=" is bar's "...yysF=", so apk never sees libiif.
     */
    private static List<Entry> firstOfEachChecksum(List<Entry> entries) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            String id = e.pkg().id();
            if (id == null || !id.startsWith("Q1") || seen.add(java.util.HexFormat.of().formatHex(
                    java.util.Base64.getDecoder().decode(id.substring(2))))) {
                out.add(e);
            }
        }
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
