package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LockFile;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.txn.AtomicFile;
import dev.kimigayo.isn.core.txn.Durability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isn lock [PKG…] [-o FILE]}: the exact set of packages that installing PKG (default: the
 * root's world) on a new root would give, with SHA-256 and repository serials (docs/format-lock.md).
 */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Write the exact packages that installing PKG... (default: the world) on a new root"
                + " would give, for 'isn install --locked FILE'.")
public final class LockCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "0..*", description = "Packages to lock (default: the root's world).")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the lock file to FILE"
            + " (default: standard output).")
    Path file;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException, IOException {
        LockFile lock = dev.kimigayo.isn.core.engine.Engine.lock(
                EngineSetup.of(parent.context(), settings, output, "isn lock"), packages);
        if (file != null) {
            AtomicFile.write(file.toAbsolutePath(), lock.format().getBytes(StandardCharsets.UTF_8), Durability.SYNC);
            output.info("OK: " + lock.packages().size() + " packages locked in " + file);
        } else if (!settings.json()) {
            parent.context().out().print(lock.format());
        }
        report.root().put("file", file == null ? null : file.toString());
        var world = report.root().putArray("world");
        lock.world().forEach(world::add);
        var repos = report.root().putArray("repositories");
        lock.repositories().forEach(r -> repos.addObject().put("url", r.url()).put("serial", r.serial()));
        var array = report.root().putArray("packages");
        for (PackageId p : lock.packages()) {
            PlanReport.packageJson(p, array.addObject());
        }
        return ExitCodes.OK;
    }
}
