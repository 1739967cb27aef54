package dev.kimigayo.isn.core.plan;

import dev.kimigayo.isn.core.IsnException;

/**
 * A plan was offered for commit to a root whose installed packages or world are no longer those
 * the plan was made against (another transaction ran in between). Nothing was changed.
 */
public final class StalePlanException extends IsnException {

    private final StateGuard expected;
    private final StateGuard actual;

    /** The plan was made against {@code expected}; the root is now {@code actual}. */
    public StalePlanException(StateGuard expected, StateGuard actual) {
        super("the plan was made for a different state of this root (the installed packages or the world changed"
                + " since); nothing was changed. Plan again and confirm the new plan");
        this.expected = expected;
        this.actual = actual;
    }

    /** The state the plan was made against. */
    public StateGuard expected() {
        return expected;
    }

    /** The state of the root now. */
    public StateGuard actual() {
        return actual;
    }

    @Override
    public String code() {
        return "stale-plan";
    }

    @Override
    public Kind kind() {
        return Kind.STALE;
    }
}
