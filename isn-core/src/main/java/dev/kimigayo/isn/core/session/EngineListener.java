package dev.kimigayo.isn.core.session;

/**
 * Receives an engine operation's progress and may cancel it; the CLI renders it, tests record it.
 */
@FunctionalInterface
public interface EngineListener {

    /** A listener that ignores everything. */
    EngineListener NONE = e -> { };

    /** Called for each event, on the thread running the operation or a download thread. */
    void on(EngineEvent event);

    /**
     * Polled during downloads and before each point of no return: true stops the operation with a
     * {@link CancelledException} while nothing is changed yet; past the commit point it is ignored.
     */
    default boolean cancelled() {
        return false;
    }
}
