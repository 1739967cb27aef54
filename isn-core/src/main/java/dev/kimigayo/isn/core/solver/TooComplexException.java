package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;

/** The search hit its step bound before finding a plan or proving there is none. */
public final class TooComplexException extends IsnException {

    private final long steps;
    private final Explanation firstConflict;

    /** Records how many steps were spent and the first conflict met (may be null). */
    public TooComplexException(long steps, Explanation firstConflict) {
        super("the dependency problem is too complex: no plan found within " + steps
                + " search steps; add explicit versions or fewer packages to the request and try again"
                + (firstConflict == null ? "" : "\n  the search kept failing after this first conflict:"
                        + firstConflict.render()));
        this.steps = steps;
        this.firstConflict = firstConflict;
    }

    /** The first conflict the search met, or null: often what to pin to make the problem easy. */
    public Explanation firstConflict() {
        return firstConflict;
    }

    /** The number of search steps spent. */
    public long steps() {
        return steps;
    }

    @Override
    public String code() {
        return "too-complex";
    }

    @Override
    public Kind kind() {
        return Kind.UNSATISFIABLE;
    }
}
