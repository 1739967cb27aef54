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

    /**
     * Runs {@code question} with a signal exiting at once: a blocked read of the terminal polls
     * nothing, and while the user is asked nothing has been written yet.
     */
    <T> T unguarded(java.util.function.Supplier<T> question) {
        boolean was = guarded;
        guarded = false;
        try {
            return question.get();
        } finally {
            guarded = was;
        }
    }

    /**
     * Records {@code name}; returns what to say before exiting now (nothing polls the flag, or this
     * is a second signal), or null when the running command will stop by itself.
     */
    String arrived(String name) {
        if (signals.getAndIncrement() == 0) {
            signal = name;
            return guarded ? null : "isn: interrupted by " + name;
        }
        return "isn: interrupted again by " + name + "; exiting now (the next isn command repairs a half-done"
                + " transaction)";
    }
}
