package dev.kimigayo.isn.cli;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.plan.HeldBack;
import dev.kimigayo.isn.core.plan.KeptPackage;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.solver.Explanation;
import dev.kimigayo.isn.core.solver.SolveRequest;

/**
 * The named packages a request left as they were, and why: {@code not_removed} for remove,
 * {@code held_back} for upgrade (always present for those commands, so scripts need no guard).
 * The core hands over the facts; the sentences are made here.
 */
final class Unchanged {

    private Unchanged() {
    }

    static void render(PackageRequest request, Outcome outcome, Output output, JsonReport report) {
        if (request.operation() == SolveRequest.Operation.REMOVE) {
            var array = report.root().putArray("not_removed");
            for (KeptPackage k : outcome.kept()) {
                var o = array.addObject().put("name", k.name()).put("version", k.version());
                var by = o.putArray("required_by");
                List<String> requiredBy = requiredBy(k);
                requiredBy.forEach(by::add);
                output.warn(k.name() + " not removed due to: "
                        + (requiredBy.isEmpty() ? "the rest of the world" : String.join(", ", requiredBy)));
            }
        } else if (request.operation() == SolveRequest.Operation.UPGRADE) {
            var array = report.root().putArray("held_back");
            for (HeldBack h : outcome.heldBack()) {
                String reason = reason(h);
                array.addObject().put("name", h.name()).put("installed_version", h.installed())
                        .put("newest_version", h.newest()).put("reason", reason);
                output.warn(h.name() + " " + h.installed() + " not upgraded: " + reason);
            }
        }
    }

    /** The packages that depend on {@code k} and the world entries ({@code world: sh}) it satisfies, sorted. */
    static List<String> requiredBy(KeptPackage k) {
        return Stream.concat(k.dependents().stream(), k.worldEntries().stream().map(w -> "world: " + w))
                .sorted().toList();
    }

    /** Why {@code h} was not upgraded, in words: the constraint, pin or conflict that holds it back. */
    static String reason(HeldBack h) {
        String name = h.name();
        String newest = h.newest();
        Explanation why = h.explanation();
        return switch (h.kind()) {
            case NOT_OFFERED -> "no configured repository offers " + name
                    + (h.installedFrom() == null ? "" : " (it was installed from " + h.installedFrom() + ")");
            case PINNED -> "pinned: " + newest + " is only in the repository tagged @" + h.tag()
                    + ", which the world entry " + h.worldEntry() + " does not allow; 'isn add " + name + "@"
                    + h.tag() + "' allows it";
            case NEEDS_LATEST -> newest + " needs other changes the plain upgrade avoids; 'isn upgrade --latest "
                    + name + "' takes it";
            case CONFLICT -> "conflict: " + newest + " is forbidden ("
                    + why.requirements().stream().filter(r -> r.constraint().startsWith("!"))
                            .map(Explanation.Requirement::render).collect(Collectors.joining(", and ")) + ")";
            case CONSTRAINT -> "held back by a constraint: " + why.requirements().stream()
                    .map(Explanation.Requirement::render).collect(Collectors.joining(", and "))
                    + " (" + newest + " is available)";
            case UNINSTALLABLE -> newest + " is available but cannot be installed:"
                    + why.render().replace("\n  ", " ").replaceFirst("^ ", " ");
        };
    }
}
