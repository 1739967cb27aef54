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

/** {@code isn remove|del PKG…}: drop packages from the world and remove what nothing else needs. */
@Command(name = "remove", aliases = "del", mixinStandardHelpOptions = true,
        description = "Remove packages (and the dependencies nothing else needs).")
public final class RemoveCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "Packages (or virtual packages) to remove.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--purge", description = "Also delete configuration files you changed (else kept as .isn-save).")
    boolean purge;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        PackageRequest request = new PackageRequest(SolveRequest.Operation.REMOVE, packages, false, false, null,
                purge, change.dryRun);
        return Changes.run(parent.context(), settings, output, report, request, change.noScripts,
                "remove " + String.join(" ", packages));
    }
}
