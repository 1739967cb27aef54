package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.session.EngineEvent.Ending;
import dev.kimigayo.isn.core.session.EngineEvent.Phase;

/**
 * Reports an operation's phases, and the changes inside one, as started/finished pairs. Phases
 * follow each other, so beginning one ends the one before it well; {@link #close} (in a
 * {@code finally}) ends whatever is still open as cancelled when the caller cancelled, else as
 * failed, so that every start gets its finish however the operation leaves. Used on the thread
 * running the operation only.
 */
public final class Phases implements AutoCloseable {

    private final EngineListener listener;
    private Phase phase;
    private EngineEvent.ChangeStarted change;

    /** Reports to {@code listener}. */
    public Phases(EngineListener listener) {
        this.listener = listener;
    }

    /** Ends the open phase (and change) well and starts {@code next} with {@code total} units. */
    public void begin(Phase next, long total) {
        end(Ending.OK);
        phase = next;
        listener.on(new EngineEvent.PhaseStarted(next, total));
    }

    /** A change begins inside the open phase ({@code index} counts from 1); one left open is ended well first. */
    public void startChange(int index, int total, Change c) {
        endChange(Ending.OK);
        change = new EngineEvent.ChangeStarted(index, total, c);
        listener.on(change);
    }

    /** The open change did its work. */
    public void changeDone() {
        endChange(Ending.OK);
    }

    /** Everything open ended well: the operation completed. */
    public void done() {
        end(Ending.OK);
    }

    /** Ends what is still open as cancelled or failed: the operation is leaving by an exception. */
    @Override
    public void close() {
        end(listener.cancelled() ? Ending.CANCELLED : Ending.FAILED);
    }

    private void end(Ending ending) {
        endChange(ending);
        if (phase != null) {
            Phase p = phase;
            phase = null;
            listener.on(new EngineEvent.PhaseFinished(p, ending));
        }
    }

    private void endChange(Ending ending) {
        if (change != null) {
            EngineEvent.ChangeStarted c = change;
            change = null;
            listener.on(new EngineEvent.ChangeFinished(c.index(), c.total(), c.change(), ending));
        }
    }
}
