package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.solver.SolveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn upgrade [PKG…]}: upgrade everything, or the named packages, to what the world allows. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Upgrade installed packages (all, or the ones named).")
public final class UpgradeCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "0..*", description = "Packages to upgrade (default: all).")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-l", "--latest"}, description = "Take the newest versions, failing rather than settling.")
    boolean latest;

    @Option(names = {"-a", "--available"}, description = "Replace packages no repository has any more.")
    boolean available;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        PackageRequest request = new PackageRequest(SolveRequest.Operation.UPGRADE, packages, latest, available, null,
                false, change.dryRun);
        return Changes.run(parent.context(), settings, output, report, request, change.noScripts,
                "upgrade " + String.join(" ", packages));
    }
}
