package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.Damage;
import dev.kimigayo.isn.core.inspect.DamageScan;
import dev.kimigayo.isn.core.maintenance.Maintenance;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.SolveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn fix [PKG…]}: reinstall damaged packages and rerun failed {@code post_*} scripts. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Reinstall damaged packages (all damaged ones, or those named) and rerun failed post-scripts.")
public final class FixCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "0..*", description = "Packages to reinstall (default: damaged ones).")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-s", "--dry-run", "--simulate"}, description = "Show what would change; change nothing.")
    boolean dryRun;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        EngineSettings engine = EngineSetup.of(parent.context(), settings, output, "isn fix");
        List<Damage> damage = DamageScan.scan(engine, packages);
        var damaged = report.root().putArray("damaged");
        for (Damage d : damage) {
            damaged.addObject().put("package", d.pkg()).put("path", "/" + d.path()).put("problem", d.problem().code());
            output.info(d.pkg() + ": /" + d.path() + ": " + phrase(d.problem()));
        }
        List<String> targets = packages.isEmpty() ? DamageScan.packages(damage) : packages;
        int code = ExitCodes.OK;
        if (!targets.isEmpty()) {
            PackageRequest request = new PackageRequest(SolveRequest.Operation.FIX, targets, false, false, null,
                    false, dryRun);
            code = Changes.run(parent.context(), settings, output, report, request, false, "fix " + String.join(" ", targets));
        } else {
            report.changes(List.of());
        }
        if (dryRun) {
            return code;
        }
        var reruns = report.root().putArray("reran_scripts");
        for (Maintenance.Rerun r : Maintenance.rerunFailedScripts(engine, packages)) {
            var rerun = reruns.addObject().put("package", r.pkg()).put("script", r.script());
            r.args().forEach(rerun.putArray("args")::add);
            rerun.put("exit_code", r.exitCode());
            if (r.exitCode() == 0) {
                output.info(r.pkg() + ": " + r.script() + " succeeded");
            } else {
                code = ExitCodes.FAILED;
                report.root().put("ok", false);
            }
        }
        if (targets.isEmpty() && code == ExitCodes.OK) {
            output.info("OK: nothing to fix");
        }
        return code;
    }

    /** A short phrase for people, where JSON carries {@link Damage.Problem#code()}. */
    static String phrase(Damage.Problem problem) {
        return switch (problem) {
            case MISSING -> "missing";
            case TYPE -> "type changed";
            case CONTENT -> "content changed";
            case MODE -> "mode changed";
            case OWNER -> "owner changed";
            case LINK_TARGET -> "link target changed";
        };
    }
}
