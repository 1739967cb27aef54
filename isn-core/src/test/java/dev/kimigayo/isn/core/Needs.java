package dev.kimigayo.isn.core;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from outside the project (peers' conformance data, the shared datasets,
 * root, a libc layout). A developer without it skips the test; under CI (CI=true) a missing need
 * fails it, so no test passes in CI by not running.
 */
public final class Needs {

    private Needs() {
    }

    /** Skips (or, under CI, fails) unless {@code present}; {@code missing} says what is missing and where. */
    public static void present(boolean present, String missing) {
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(present, missing);
        } else {
            Assumptions.assumeTrue(present, missing);
        }
    }
}
