package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.solver.SolveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn install|add PKG…}: add packages (constraints or local .isn files) to the world and install them. */
@Command(name = "install", aliases = "add", mixinStandardHelpOptions = true,
        description = "Install packages and their dependencies (names, constraints such as vim>=9, or ./file.isn).")
public final class InstallCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "0..*", description = "Packages to install.")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-t", "--virtual"}, paramLabel = "NAME",
            description = "Group the packages under a virtual package NAME (remove NAME to remove them).")
    String virtual;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Option(names = "--latest", description = "Prefer the newest versions.")
    boolean latest;

    @Option(names = "--locked", paramLabel = "FILE", description = "Install exactly the packages of lock file FILE"
            + " (written by 'isn lock'), checking each one's SHA-256.")
    java.nio.file.Path locked;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        if (locked != null) {
            if (!packages.isEmpty() || virtual != null || latest) {
                throw new CliException("bad-locked", IsnException.Kind.USAGE, "--locked FILE installs exactly the"
                        + " packages of the lock file: name no packages and use no --virtual or --latest with it");
            }
            return Changes.runLocked(parent.context(), settings, output, report, locked, change.dryRun,
                    change.noScripts, "install --locked " + locked);
        }
        if (packages.isEmpty()) {
            throw new CliException("no-packages", IsnException.Kind.USAGE, "name the packages to install"
                    + " ('isn add vim'), or give a lock file ('isn add --locked FILE')");
        }
        PackageRequest request = new PackageRequest(SolveRequest.Operation.ADD, packages, latest, false, virtual,
                false, change.dryRun);
        return Changes.run(parent.context(), settings, output, report, request, change.noScripts, "install " + String.join(" ", packages));
    }
}
