package dev.kimigayo.isn.core.txn;

/**
 * Told when a transaction reaches each named step ({@code journal}, {@code staged},
 * {@code rename-3}, {@code renamed}, {@code committed}, {@code cleaned}). The CLI uses it for
 * fault injection in crash tests; the core never acts on it.
 */
@FunctionalInterface
public interface StepListener {

    /** A listener that ignores every step. */
    StepListener NONE = step -> { };

    /** The transaction has just completed {@code step}. */
    void reached(String step);
}
