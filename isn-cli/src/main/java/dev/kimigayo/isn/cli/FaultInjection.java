package dev.kimigayo.isn.cli;

import java.util.Map;

import dev.kimigayo.isn.core.txn.StepListener;

/**
 * Crash-test hook: when {@code ISN_FAULT_HALT_AT} names a transaction step ({@code journal},
 * {@code staged}, {@code rename-N}, {@code renamed}, {@code committed}, {@code cleaned}, …), the
 * process halts there at once, like {@code kill -9}: no shutdown hooks, no finally blocks, no
 * flushing. When {@code ISN_FAULT_FAIL_AT} is {@code STEP:REASON} ({@code rename-2:No space left
 * on device}), the step fails instead, as an I/O error with that operating-system reason would:
 * the failure tests check that the root and the database are then left exactly as they were.
 * The reason {@code out-of-memory} makes the step throw the JVM's OutOfMemoryError instead.
 * When {@code ISN_FAULT_PAUSE_AT} names a step, the process says so on stderr and waits there
 * until a signal arrives (at most a minute): the signal tests interrupt a commit at a known step.
 * Lives in the CLI because isn-core never reads the environment.
 */
final class FaultInjection {

    static final String VARIABLE = "ISN_FAULT_HALT_AT";
    static final String FAIL_VARIABLE = "ISN_FAULT_FAIL_AT";
    static final String PAUSE_VARIABLE = "ISN_FAULT_PAUSE_AT";
    /** The reason of {@code ISN_FAULT_FAIL_AT} that makes the step run out of memory instead. */
    static final String OUT_OF_MEMORY = "out-of-memory";
    /** The exit status of a halted process, as a SIGKILLed one reports. */
    static final int HALT_STATUS = 137;

    private FaultInjection() {
    }

    /** The step listener for this run: halts at the named step, or does nothing. */
    static StepListener from(CliContext context) {
        Map<String, String> env = context.env();
        String pause = env.get(PAUSE_VARIABLE);
        if (pause != null && !pause.isBlank()) {
            return step -> {
                if (step.equals(pause)) {
                    pauseUntilSignal(context, step);
                }
            };
        }
        String target = env.get(VARIABLE);
        String fail = env.get(FAIL_VARIABLE);
        if (fail != null && fail.contains(":")) {
            String step = fail.substring(0, fail.indexOf(':'));
            String reason = fail.substring(fail.indexOf(':') + 1);
            return s -> {
                if (s.equals(step) && reason.equals(OUT_OF_MEMORY)) {
                    throw new OutOfMemoryError("Java heap space (injected at " + step + ")");
                }
                if (s.equals(step)) {
                    throw new java.io.UncheckedIOException(new java.nio.file.FileSystemException(null, null, reason));
                }
            };
        }
        if (target == null || target.isBlank()) {
            return StepListener.NONE;
        }
        return step -> {
            if (step.equals(target)) {
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        };
    }

    private static void pauseUntilSignal(CliContext context, String step) {
        context.err().println("isn: fault injection: paused at " + step);
        context.err().flush();
        long end = System.nanoTime() + 60_000_000_000L;
        while (!context.interruption().requested() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
