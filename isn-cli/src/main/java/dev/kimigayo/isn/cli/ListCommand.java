package dev.kimigayo.isn.cli;

import java.util.Map;
import java.util.TreeMap;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.InstalledInfo;
import dev.kimigayo.isn.core.inspect.Queries;
import dev.kimigayo.isn.core.query.RootQuery;
import dev.kimigayo.isn.core.version.Version;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code isn list}: installed packages, or those with an upgrade, or orphans. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List installed packages (default), upgradable ones, or orphaned dependencies.")
public final class ListCommand extends PackageCommand {

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = {"-I", "--installed"}, description = "Installed packages (the default).")
        boolean installed;

        @Option(names = {"-u", "--upgradable"}, description = "Installed packages a repository has a newer version of.")
        boolean upgradable;

        @Option(names = {"-O", "--orphaned"}, description = "Dependencies that nothing in the world needs any more.")
        boolean orphaned;
    }

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        try (Queries q = Queries.open(EngineSetup.of(parent.context(), settings, output, "isn list"))) {
            Map<String, String> newest = new TreeMap<>();
            if (which.upgradable) {
                java.util.Set<String> installedNames = new java.util.HashSet<>();
                q.installed().forEach(p -> installedNames.add(p.name()));
                for (Queries.Available a : q.availableWhere(installedNames::contains)) {
                    newest.merge(a.entry().info().name(), a.entry().info().version(),
                            (x, y) -> Version.compare(x, y) >= 0 ? x : y);
                }
            }
            // Orphans: what nothing in the world reaches through depends or install_if (RootQuery).
            java.util.Set<String> orphans = new java.util.HashSet<>();
            if (which.orphaned) {
                try (RootQuery r = RootQuery.open(EngineSetup.of(parent.context(), settings, output, "isn list"))) {
                    r.orphans().forEach(o -> orphans.add(o.name()));
                }
            }
            var array = report.root().putArray("packages");
            for (InstalledInfo p : q.installed()) {
                String upgrade = newest.get(p.name());
                boolean pick = which.upgradable ? upgrade != null && Version.compare(upgrade, p.version()) > 0
                        : !which.orphaned || orphans.contains(p.name());
                if (!pick) {
                    continue;
                }
                var o = array.addObject().put("name", p.name()).put("version", p.version())
                        .put("reason", p.reason().name().toLowerCase());
                if (which.upgradable) {
                    o.put("available_version", upgrade);
                }
                if (!settings.json()) {
                    parent.context().out().println(p.name() + "-" + p.version()
                            + (which.upgradable ? " (upgradable to " + upgrade + ")" : "")
                            + (p.reason() == InstalledInfo.Reason.EXPLICIT ? " [world]" : ""));
                }
            }
        }
        return ExitCodes.OK;
    }
}
