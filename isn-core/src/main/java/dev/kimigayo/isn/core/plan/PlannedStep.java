package dev.kimigayo.isn.core.plan;


/**
 * One package-level step of a {@link Plan}, as shown and as committed.
 *
 * @param change    what happens to which package, from which version to which
 * @param incoming  the exact package installed by this step, or null for a removal
 * @param explicit  whether the package is (still) named in the world after the step
 */
public record PlannedStep(Change change, PackageId incoming, boolean explicit) {
}
