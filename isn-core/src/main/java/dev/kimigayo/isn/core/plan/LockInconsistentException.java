package dev.kimigayo.isn.core.plan;

import dev.kimigayo.isn.core.IsnException;

/**
 * A lock file that does not describe one installable set: a package its world does not need, or
 * (reported by the solver) a dependency it lacks. Nothing was changed.
 */
public final class LockInconsistentException extends IsnException {

    /** What is wrong, in words. */
    public LockInconsistentException(String problem) {
        super("the lock file is not consistent: " + problem + "; nothing was changed. Lock again with 'isn lock'");
    }

    @Override
    public String code() {
        return "lock-inconsistent";
    }

    @Override
    public Kind kind() {
        return Kind.UNSATISFIABLE;
    }
}
