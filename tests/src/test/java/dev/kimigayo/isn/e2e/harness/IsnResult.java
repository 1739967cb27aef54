package dev.kimigayo.isn.e2e.harness;

import java.time.Duration;
import java.util.List;

/** What one {@code isn} process did: its command line, exit code, stdout, stderr and wall time. */
public record IsnResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

    /** A readable summary for assertion messages: command, exit code and both streams. */
    public String describe() {
        return String.join(" ", command) + "\n  exit " + exitCode + " after " + elapsed.toMillis() + " ms"
                + "\n  --- stdout ---\n" + stdout + "\n  --- stderr ---\n" + stderr;
    }

    /** Fails with {@link #describe()} unless the exit code is {@code expected}; returns this for chaining. */
    public IsnResult assertExit(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit " + expected + ", got " + exitCode + ": " + describe());
        }
        return this;
    }

    /** Fails unless the process exited 0; returns this for chaining. */
    public IsnResult assertSuccess() {
        return assertExit(0);
    }
}
