package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.InstalledPath;
import dev.kimigayo.isn.core.inspect.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isn files PKG}: the paths an installed package owns. */
@Command(name = "files", mixinStandardHelpOptions = true, description = "List the paths an installed package owns.")
public final class FilesCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", description = "An installed package.")
    String name;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        try (Queries q = Queries.open(EngineSetup.of(parent.context(), settings, output, "isn files"))) {
            if (q.installed(name).isEmpty()) {
                throw new NotInstalledException(name);
            }
            report.root().put("package", name);
            var array = report.root().putArray("files");
            for (InstalledPath f : q.files(name)) {
                var o = array.addObject().put("path", "/" + f.path()).put("type", f.type().name().toLowerCase())
                        .put("mode", String.format("%04o", f.mode())).put("size", f.size())
                        .put("sha256", f.sha256()).put("link_target", f.linkTarget()).put("config", f.config());
                if (!settings.json()) {
                    parent.context().out().println("/" + f.path());
                }
            }
        }
        return ExitCodes.OK;
    }
}
