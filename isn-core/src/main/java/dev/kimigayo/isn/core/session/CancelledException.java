package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.IsnException;

/**
 * The caller asked to stop ({@link EngineListener#cancelled()}, the CLI's Ctrl-C) before the
 * transaction's commit point: downloads were abandoned or the staged transaction rolled back, so
 * the root and the database are as they were. Past the commit point a cancellation is not
 * honoured: the transaction finishes, since stopping there would leave the root half-changed.
 */
public final class CancelledException extends IsnException {

    /** A cancellation; {@code message} says what was stopped and that nothing changed. */
    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What to throw for {@code e} when it escaped an operation: a download that failed because the
     * caller cancelled it becomes a {@link CancelledException}; anything else stays as it is.
     */
    public static IsnException ifCancelled(IsnException e, EngineListener listener) {
        if (e instanceof CancelledException || e.kind() != Kind.FETCH || !listener.cancelled()) {
            return e;
        }
        return new CancelledException("cancelled while downloading; the partial downloads were deleted and"
                + " nothing was changed", e);
    }

    @Override
    public String code() {
        return "cancelled";
    }

    @Override
    public Kind kind() {
        return Kind.CANCELLED;
    }
}
