package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.maintenance.CacheMaintenance;
import dev.kimigayo.isn.core.session.EngineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code isn cache clean|download [PKG…]|sync [PKG…]}, as apk's {@code cache}: keep the package
 * cache apart from installing (docs/user-guide.md, "The package cache").
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Manage the package cache: clean (drop what no index lists), download [PKG...]"
                + " (fetch what 'add PKG...' or 'upgrade' would install), sync (both).")
public final class CacheCommand extends PackageCommand {

    @Parameters(index = "0", paramLabel = "ACTION", description = "clean, download or sync.")
    String action;

    @Parameters(index = "1..*", paramLabel = "PKG", description = "Packages to download (default: the upgrade of the world).")
    List<String> packages = new ArrayList<>();

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        boolean clean = action.equals("clean") || action.equals("sync");
        boolean download = action.equals("download") || action.equals("sync");
        if (!clean && !download || action.equals("clean") && !packages.isEmpty()) {
            throw new CliException("bad-cache-action", IsnException.Kind.USAGE, "'isn cache " + action
                    + "' is not a cache action: use 'isn cache clean', 'isn cache download [PKG...]' or 'isn cache sync'");
        }
        if (settings.noCache()) {
            throw new CliException("bad-cache-action", IsnException.Kind.USAGE,
                    "'isn cache' works on the package cache: it cannot be combined with --no-cache");
        }
        EngineSettings engine = EngineSetup.of(parent.context(), settings, output, "isn cache " + action);
        report.root().put("action", action);
        if (clean) {
            List<String> deleted = CacheMaintenance.clean(engine);
            ArrayNode array = report.root().putArray("deleted");
            deleted.forEach(array::add);
            deleted.forEach(f -> output.detail("deleted " + f));
            output.info("OK: " + deleted.size() + " obsolete file" + (deleted.size() == 1 ? "" : "s") + " deleted");
        }
        if (download) {
            List<String> files = CacheMaintenance.download(engine, packages);
            ArrayNode array = report.root().putArray("cached");
            files.forEach(array::add);
            output.info("OK: " + files.size() + " package file" + (files.size() == 1 ? "" : "s") + " in the cache");
        }
        return ExitCodes.OK;
    }
}
