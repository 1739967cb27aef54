package dev.kimigayo.isn.cli;

import java.util.List;
import java.util.Optional;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.InstalledInfo;
import dev.kimigayo.isn.core.inspect.Queries;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn info PKG}: what is known about a package, installed and available. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show details of a package.")
public final class InfoCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", description = "A package name.")
    String name;

    @Option(names = {"-r", "--rdepends"}, description = "List the installed packages that depend on PKG"
            + " (by its name or a name it provides).")
    boolean rdepends;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        if (rdepends) {
            return ReverseDepends.run(parent.context(), settings, output, report, name);
        }
        try (Queries q = Queries.open(EngineSetup.of(parent.context(), settings, output, "isn info"))) {
            Optional<InstalledInfo> installed = q.installed(name);
            List<Queries.Available> available = q.availableNamed(name);
            if (installed.isEmpty() && available.isEmpty()) {
                throw new NotFoundException(name);
            }
            report.root().put("name", name);
            var inst = report.root().putObject("installed");
            installed.ifPresentOrElse(p -> {
                inst.put("version", p.version()).put("description", p.description())
                        .put("reason", p.reason().name().toLowerCase()).put("size", p.size())
                        .put("repository", p.repository()).put("url", p.url()).put("license", p.license());
                strings(inst, "depends", p.depends());
                strings(inst, "provides", p.provides());
                strings(inst, "install_if", p.installIf());
            }, () -> report.root().putNull("installed"));
            var avail = report.root().putArray("available");
            for (Queries.Available a : available) {
                PkgInfo i = a.entry().info();
                var o = avail.addObject().put("version", i.version()).put("repository", a.repository())
                        .put("description", i.description()).put("size", i.size()).put("url", i.url())
                        .put("license", i.license());
                strings(o, "depends", i.depends().stream().map(Object::toString).toList());
                strings(o, "provides", i.provides().stream().map(Object::toString).toList());
                strings(o, "install_if", i.installIf().stream().map(Object::toString).toList());
            }
            if (!settings.json()) {
                print(installed, available);
            }
        }
        return ExitCodes.OK;
    }

    private static void strings(com.fasterxml.jackson.databind.node.ObjectNode o, String key, List<String> values) {
        var array = o.putArray(key);
        values.forEach(array::add);
    }

    private void print(Optional<InstalledInfo> installed, List<Queries.Available> available) {
        var out = parent.context().out();
        installed.ifPresent(p -> {
            out.println(p.name() + "-" + p.version() + " (installed, " + p.reason().name().toLowerCase() + ")");
            out.println("  description: " + (p.description() == null ? "" : p.description()));
            out.println("  url:         " + (p.url() == null ? "" : p.url()));
            out.println("  license:     " + (p.license() == null ? "" : p.license()));
            out.println("  size:        " + Output.mib(p.size()));
            out.println("  depends:     " + String.join(" ", p.depends()));
            out.println("  provides:    " + String.join(" ", p.provides()));
            if (!p.installIf().isEmpty()) {
                out.println("  install_if:  " + String.join(" ", p.installIf()));
            }
            out.println("  repository:  " + (p.repository() == null ? "" : p.repository()));
        });
        for (Queries.Available a : available) {
            PkgInfo i = a.entry().info();
            out.println(i.name() + "-" + i.version() + " (available from " + a.repository() + ")");
            out.println("  description: " + (i.description() == null ? "" : i.description()));
        }
    }
}
