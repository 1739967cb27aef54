package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;

/** The search hit its step bound before finding a plan or proving there is none. */
public final class TooComplexException extends IsnException {

    private final long steps;

    /** Records how many steps were spent. */
    public TooComplexException(long steps) {
        super("the dependency problem is too complex: no plan found within " + steps
                + " search steps; add explicit versions or fewer packages to the request and try again");
        this.steps = steps;
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
