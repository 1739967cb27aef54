package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;

/** No set of packages satisfies the world; {@link #explanation()} says why, as data and as text. */
public final class UnsatisfiableException extends IsnException {

    private final Explanation explanation;

    /** Wraps an explanation; the message is its text rendering. */
    public UnsatisfiableException(Explanation explanation) {
        super("unable to select packages: " + explanation.render());
        this.explanation = explanation;
    }

    /** Why no plan exists. */
    public Explanation explanation() {
        return explanation;
    }

    @Override
    public String code() {
        return "unsatisfiable";
    }

    @Override
    public Kind kind() {
        return Kind.UNSATISFIABLE;
    }
}
