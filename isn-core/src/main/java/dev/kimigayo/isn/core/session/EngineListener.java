package dev.kimigayo.isn.core.session;

/** Receives an engine operation's progress; the CLI renders it, tests record it. */
@FunctionalInterface
public interface EngineListener {

    /** A listener that ignores everything. */
    EngineListener NONE = e -> { };

    /** Called for each event, on the thread running the operation or a download thread. */
    void on(EngineEvent event);
}
