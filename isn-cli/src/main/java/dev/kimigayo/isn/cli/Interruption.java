package dev.kimigayo.isn.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM, turned into a flag the engine polls (docs/transactions.md): a
 * command that changes the root stops its downloads or rolls back before the commit point, or
 * finishes a commit already past it, then exits 130. A command that has not {@link #guard}ed
 * itself has nothing to protect and exits at once; a second signal always does.
 */
final class Interruption {

    /** The exit code after a signal, the shell's 128 + SIGINT. */
    static final int EXIT_CODE = ExitCodes.CANCELLED;

    private final AtomicInteger signals = new AtomicInteger();
    private volatile boolean guarded;
    private volatile String signal = "SIGINT";

    /** Whether a signal arrived. */
    boolean requested() {
        return signals.get() > 0;
    }

    /** The name of the first signal that arrived ({@code SIGINT}, {@code SIGTERM}). */
    String signal() {
        return signal;
    }

    /** From now on a first signal is only recorded: the running command polls for it. */
    void guard() {
        guarded = true;
    }

    /** Records {@code name}; true when the process must exit now (nothing polls, or a second signal). */
    boolean arrived(String name) {
        if (signals.getAndIncrement() == 0) {
            signal = name;
            return !guarded;
        }
        return true;
    }
}
