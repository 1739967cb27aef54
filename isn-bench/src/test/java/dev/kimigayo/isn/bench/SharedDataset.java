package dev.kimigayo.isn.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Debian bookworm graph in {@code ../shared/datasets} (or {@code -Disn.shared=DIR}). A
 * developer without it skips the tests that need it; under CI (CI=true) its absence is a failure,
 * so those tests can never pass by not running.
 */
final class SharedDataset {

    private SharedDataset() {
    }

    static Path debian() {
        Path dataset = Path.of(System.getProperty("isn.shared", "../shared"), "datasets", "debian-bookworm.jsonl.gz");
        String missing = "Debian dataset not found at " + dataset + " (run with -Disn.shared=/path/to/shared)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(Files.isRegularFile(dataset), missing);
        } else {
            Assumptions.assumeTrue(Files.isRegularFile(dataset), missing);
        }
        return dataset;
    }
}
