package dev.kimigayo.isn.core.engine;

import dev.kimigayo.isn.core.plan.Plan;

/**
 * Asked with the very plan that will be committed, between planning and commit, while the write
 * lock is held: a yes commits that object; nothing can be re-planned in between.
 */
@FunctionalInterface
public interface Confirmation {

    /** Goes ahead without asking ({@code --yes}, non-interactive use). */
    Confirmation ALWAYS = plan -> true;

    /** Whether to commit {@code plan}. */
    boolean confirm(Plan plan);
}
