package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.List;

/**
 * The solver's answer: what must change, in a safe order, and the state afterwards.
 *
 * @param changes   removals first (dependents before their dependencies), then installs and
 *                  upgrades (dependencies before their dependents); empty when nothing changes
 * @param world     the world to write after the transaction
 * @param installed the complete installed set after the transaction, with tags
 * @param skipped   world entries left out because they cannot be satisfied (only with
 *                  {@link SolveRequest#forceBrokenWorld()}), with why
 */
public record Solution(List<Change> changes, List<Constraint> world, List<InstalledPackage> installed,
        List<UnsatisfiableException> skipped) {

    /** Copies the lists. */
    public Solution {
        changes = List.copyOf(changes);
        world = List.copyOf(world);
        installed = List.copyOf(installed);
        skipped = List.copyOf(skipped);
    }

    /** Whether the plan changes nothing. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
