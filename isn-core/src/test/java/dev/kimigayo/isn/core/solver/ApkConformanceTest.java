package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every apk-tools solver fixture from {@code ${isn.shared}/conformance/apk-tools/solver/}
 * through isn's solver. The fixtures are read at test time, never copied. The known failures are
 * listed in docs/conformance.md; this test fails if the pass count drops below the target or if
 * the list of failures changes (so the document stays true).
 */
class ApkConformanceTest {
    static final int TARGET = 119;

    /** Cases isn deliberately or knowingly answers differently from apk; see docs/conformance.md. */
    static final List<String> KNOWN_FAILURES = List.of();

    static Path fixtures() {
        Path dir = Path.of(System.getProperty("isn.shared", "../shared"), "conformance", "apk-tools", "solver");
        dev.kimigayo.isn.core.Needs.present(Files.isDirectory(dir), "apk-tools solver fixtures not found at " + dir
                + " (run with -Disn.shared=/path/to/shared)");
        return dir;
    }

    static Map<String, String> runAll() throws Exception {
        return runAll(false);
    }

    /** Every case's verdict (null: passed); with {@code learnerOnly}, decided by the learning search alone. */
    static Map<String, String> runAll(boolean learnerOnly) throws Exception {
        Path dir = fixtures();
        ApkCaseRunner runner = new ApkCaseRunner(dir, learnerOnly);
        Map<String, String> failures = new TreeMap<>();
        StringBuilder refusals = new StringBuilder();
        List<Path> tests;
        try (Stream<Path> s = Files.list(dir)) {
            tests = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        assertEquals(119, tests.size(), "number of apk-tools solver fixtures");
        for (Path t : tests) {
            ApkCase c = ApkCase.read(t);
            String v;
            try {
                ApkCaseRunner.Outcome o = runner.run(c);
                if (o.error() != null) {
                    refusals.append("== ").append(c.name()).append('\n').append(o.error().getMessage()).append('\n');
                }
                v = ApkJudge.verdict(c, o);
            } catch (RuntimeException e) {
                v = "crashed: " + e + " at " + java.util.Arrays.toString(java.util.Arrays.copyOf(e.getStackTrace(), 6));
            }
            if (v != null) {
                failures.put(c.name(), v);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", learnerOnly ? "apk-refusals-learner.txt" : "apk-refusals.txt"), refusals);
        return failures;
    }

    @Test
    void passesAtLeastTheTargetAndExactlyTheDocumentedFailures() throws Exception {
        Map<String, String> failures = runAll();
        StringBuilder report = new StringBuilder();
        failures.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "apk-conformance.txt"),
                (119 - failures.size()) + "/119 passed\n" + report);
        assertTrue(119 - failures.size() >= TARGET, (119 - failures.size()) + "/119 passed:\n" + report);
        assertEquals(new ArrayList<>(KNOWN_FAILURES), new ArrayList<>(failures.keySet()), report.toString());
    }
}
