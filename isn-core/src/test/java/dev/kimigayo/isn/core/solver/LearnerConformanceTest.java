package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * apk-tools' solver fixtures decided by the learning search alone (the depth-first search
 * skipped), so that the search that takes over on distribution-sized graphs keeps apk's rules:
 * the same verdict (plan or refusal) on every case, and exactly apk's plan on the install_if cases
 * (install_if is applied after the learned selection as the depth-first search applies it).
 */
class LearnerConformanceTest {
    @Test
    void theLearningSearchAloneKeepsApksVerdictsAndInstallIf() throws Exception {
        Map<String, String> failures = ApkConformanceTest.runAll(true);
        Map<String, String> wrongVerdict = new TreeMap<>();
        Map<String, String> installIf = new TreeMap<>();
        failures.forEach((k, v) -> {
            if (v.startsWith("expected a refusal") || v.startsWith("refused") || v.startsWith("crashed")) {
                wrongVerdict.put(k, v);
            }
            if (k.startsWith("installif")) {
                installIf.put(k, v);
            }
        });
        StringBuilder report = new StringBuilder();
        failures.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "apk-conformance-learner.txt"),
                (119 - failures.size()) + "/119 passed with the learning search alone\n" + report);
        assertEquals(Map.of(), wrongVerdict, report.toString());
        assertEquals(Map.of(), installIf, report.toString());
    }
}
