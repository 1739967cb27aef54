package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.plan.HeldBack;
import dev.kimigayo.isn.core.plan.KeptPackage;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.solver.SolveRequest;

/**
 * The named packages a request left as they were, and why: {@code not_removed} for remove,
 * {@code held_back} for upgrade (always present for those commands, so scripts need no guard).
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
                k.requiredBy().forEach(by::add);
                output.warn(k.name() + " not removed due to: "
                        + (k.requiredBy().isEmpty() ? "the rest of the world" : String.join(", ", k.requiredBy())));
            }
        } else if (request.operation() == SolveRequest.Operation.UPGRADE) {
            var array = report.root().putArray("held_back");
            for (HeldBack h : outcome.heldBack()) {
                array.addObject().put("name", h.name()).put("installed_version", h.installed())
                        .put("newest_version", h.newest()).put("reason", h.reason());
                output.warn(h.name() + " " + h.installed() + " not upgraded: " + h.reason());
            }
        }
    }
}
