package dev.kimigayo.isn.core.solver;

/** Test access: a solver whose learning search decides every request (no depth-first budget). */
public final class LearnerOnly {
    private LearnerOnly() {
    }

    /** {@code solver} with the depth-first search skipped. */
    public static Solver of(Solver solver) {
        return solver.withDepthFirstSteps(0);
    }
}
