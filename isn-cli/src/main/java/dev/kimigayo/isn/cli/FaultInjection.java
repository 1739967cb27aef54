package dev.kimigayo.isn.cli;

import java.util.Map;

import dev.kimigayo.isn.core.txn.StepListener;

/**
 * Crash-test hook: when {@code ISN_FAULT_HALT_AT} names a transaction step ({@code journal},
 * {@code staged}, {@code rename-N}, {@code renamed}, {@code committed}, {@code cleaned}, …), the
 * process halts there at once, like {@code kill -9}: no shutdown hooks, no finally blocks, no
 * flushing. Lives in the CLI because isn-core never reads the environment.
 */
final class FaultInjection {

    static final String VARIABLE = "ISN_FAULT_HALT_AT";
    /** The exit status of a halted process, as a SIGKILLed one reports. */
    static final int HALT_STATUS = 137;

    private FaultInjection() {
    }

    /** The step listener for this run: halts at the named step, or does nothing. */
    static StepListener from(Map<String, String> env) {
        String target = env.get(VARIABLE);
        if (target == null || target.isBlank()) {
            return StepListener.NONE;
        }
        return step -> {
            if (step.equals(target)) {
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        };
    }
}
