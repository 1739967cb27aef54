package dev.kimigayo.isn.cli;

import java.nio.file.Path;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isn owner PATH}: which installed package owns a path. */
@Command(name = "owner", aliases = "info-owner", mixinStandardHelpOptions = true,
        description = "Show which installed package owns PATH (as seen inside the root).")
public final class OwnerCommand extends PackageCommand {

    @Parameters(paramLabel = "PATH", description = "An absolute path inside the root, e.g. /usr/bin/vim.")
    String path;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        String rel = Path.of("/").relativize(Path.of("/").resolve(path).normalize()).toString();
        List<String> owners;
        try (Queries q = Queries.open(EngineSetup.of(parent.context(), settings, output, "isn owner"))) {
            owners = q.owners(rel);
            report.root().put("path", "/" + rel);
            var array = report.root().putArray("owners");
            for (String o : owners) {
                String version = q.installed(o).map(p -> p.version()).orElse("");
                array.addObject().put("name", o).put("version", version);
                if (!settings.json()) {
                    parent.context().out().println("/" + rel + " is owned by " + o + "-" + version);
                }
            }
        }
        if (owners.isEmpty()) {
            report.root().put("ok", false);
            output.warn("/" + rel + " is not owned by any installed package");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
