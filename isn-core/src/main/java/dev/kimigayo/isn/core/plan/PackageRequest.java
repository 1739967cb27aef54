package dev.kimigayo.isn.core.plan;

import java.util.List;

import dev.kimigayo.isn.core.solver.SolveRequest;

/**
 * A package-management request: what to do to which packages, with the options of
 * {@code install}, {@code remove}, {@code upgrade} and {@code fix}.
 *
 * @param operation  add, remove, upgrade or fix
 * @param targets    constraints ({@code vim}, {@code musl>=1.2}) or local package files ({@code ./foo.isn})
 * @param latest     prefer the newest versions ({@code upgrade --latest})
 * @param available  only what repositories have ({@code upgrade --available})
 * @param virtual    {@code --virtual NAME}: put the targets into this meta-package, or null
 * @param purge      on removal, also delete changed configuration files
 * @param dryRun     plan only: change nothing
 */
public record PackageRequest(SolveRequest.Operation operation, List<String> targets, boolean latest,
        boolean available, String virtual, boolean purge, boolean dryRun) {

    /** Freezes the list. */
    public PackageRequest {
        targets = List.copyOf(targets);
    }

    /** A plain request of {@code operation} on {@code targets}. */
    public static PackageRequest of(SolveRequest.Operation operation, List<String> targets) {
        return new PackageRequest(operation, targets, false, false, null, false, false);
    }

    /** A copy that only plans. */
    public PackageRequest withDryRun(boolean v) {
        return new PackageRequest(operation, targets, latest, available, virtual, purge, v);
    }
}
