package dev.kimigayo.isn.cli;

import java.io.PrintStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.DependencyPath;
import dev.kimigayo.isn.core.query.RootQuery;
import dev.kimigayo.isn.core.query.WhyAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isn why PKG}: the world entries and dependency paths that keep an installed package. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Show why an installed package is installed: the world entries naming it and,"
                + " for each other world entry that needs it, the shortest dependency path.")
public final class WhyCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", description = "An installed package name.")
    String name;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        WhyAnswer a;
        try (RootQuery q = RootQuery.open(EngineSetup.of(parent.context(), settings, output, "isn why"))) {
            a = q.why(name);
        }
        ObjectNode root = report.root();
        QueryText.ref(root.putObject("package"), a.pkg());
        root.put("explicit", a.explicit()).put("orphan", a.orphan());
        ArrayNode world = root.putArray("world_entries");
        a.worldEntries().forEach(world::add);
        ArrayNode paths = root.putArray("paths");
        for (DependencyPath p : a.paths()) {
            ObjectNode o = paths.addObject().put("world_entry", p.worldEntry());
            QueryText.ref(o.putObject("start"), p.start());
            QueryText.edges(o.putArray("edges"), p.edges());
        }
        if (!settings.json()) {
            PrintStream out = parent.context().out();
            if (!a.worldEntries().isEmpty()) {
                out.println(a.pkg() + " is in the world (" + String.join(", ", a.worldEntries()) + ")");
            } else if (a.orphan()) {
                out.println(a.pkg() + " is not needed by anything in the world: an orphan, which the next"
                        + " change removes (or 'isn mark --manual " + a.pkg().name() + "' keeps)");
                return ExitCodes.OK;
            } else {
                out.println(a.pkg() + " is a dependency");
            }
            for (DependencyPath p : a.paths()) {
                out.println("  " + QueryText.path(p));
            }
        }
        return ExitCodes.OK;
    }
}
