package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.engine.PackageRequest;
import dev.kimigayo.isn.core.solver.SolveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn install|add PKG…}: add packages (constraints or local .isn files) to the world and install them. */
@Command(name = "install", aliases = "add", mixinStandardHelpOptions = true,
        description = "Install packages and their dependencies (names, constraints such as vim>=9, or ./file.isn).")
public final class InstallCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "Packages to install.")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-t", "--virtual"}, paramLabel = "NAME",
            description = "Group the packages under a virtual package NAME (remove NAME to remove them).")
    String virtual;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Option(names = "--latest", description = "Prefer the newest versions.")
    boolean latest;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        PackageRequest request = new PackageRequest(SolveRequest.Operation.ADD, packages, latest, false, virtual,
                false, change.dryRun);
        return Changes.run(parent.context(), settings, output, report, request, change.noScripts, "install " + String.join(" ", packages));
    }
}
