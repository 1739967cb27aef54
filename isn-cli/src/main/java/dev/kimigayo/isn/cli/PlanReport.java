package dev.kimigayo.isn.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.plan.PackageSource;
import dev.kimigayo.isn.core.plan.Plan;
import dev.kimigayo.isn.core.plan.PlannedStep;

/** Shows a plan: one apk-style line per step on stderr, and {@code changes[]} with exact packages in JSON. */
final class PlanReport {

    private PlanReport() {
    }

    /** Prints the steps as {@code (1/3) Installing musl (1.2.5-r0)}. */
    static void show(Plan plan, Output output) {
        List<Change> changes = plan.changes();
        for (int i = 0; i < changes.size(); i++) {
            output.info(Output.describe(i + 1, changes.size(), changes.get(i)));
        }
    }

    /** Fills {@code changes[]} (each with its {@code package}), {@code world} and {@code state} from the plan. */
    static void json(Plan plan, JsonReport report) {
        report.changes(plan.changes());
        var array = report.root().withArray("changes");
        List<PlannedStep> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            PackageId id = steps.get(i).incoming();
            ObjectNode o = (ObjectNode) array.get(i);
            if (id == null) {
                o.putNull("package");
            } else {
                packageJson(id, o.putObject("package"));
            }
        }
        var world = report.root().putArray("world");
        plan.world().forEach(world::add);
        report.root().put("state", plan.guard().sha256());
    }

    /** One exact package: {@code name, version, arch, size, sha256, source{…}}. */
    static void packageJson(PackageId id, ObjectNode o) {
        o.put("name", id.name()).put("version", id.version()).put("arch", id.arch());
        if (id.size() >= 0) {
            o.put("size", id.size());
        } else {
            o.putNull("size");
        }
        o.put("sha256", id.sha256());
        ObjectNode s = o.putObject("source");
        if (id.source() instanceof PackageSource.Indexed x) {
            s.put("type", "repository").put("repository", x.repository()).put("serial", x.serial())
                    .put("file", x.file());
        } else if (id.source() instanceof PackageSource.LocalFile f) {
            s.put("type", "file").put("path", f.file().toString());
        } else {
            s.put("type", id.source() instanceof PackageSource.Virtual ? "virtual" : "installed");
        }
    }
}
