package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.Marks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn mark --auto|--manual PKG…}: as apt-mark, whether installed packages are wanted for themselves. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = "Mark installed packages as installed for themselves (--manual: added to the world) or as"
                + " dependencies only (--auto: taken out of the world, removed once nothing needs them).")
public final class MarkCommand extends PackageCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which = new Which();

    static final class Which {
        @Option(names = "--auto", required = true, description = "Installed as a dependency: out of the world.")
        boolean auto;

        @Option(names = "--manual", required = true, description = "Wanted for itself: into the world.")
        boolean manual;
    }

    @Parameters(arity = "1..*", paramLabel = "PKG", description = "Installed package names.")
    List<String> names = new ArrayList<>();

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        Marks.Mark mark = which.auto ? Marks.Mark.AUTO : Marks.Mark.MANUAL;
        String flag = which.auto ? "--auto" : "--manual";
        Marks.Result r = Marks.mark(EngineSetup.of(parent.context(), settings, output,
                "isn mark " + flag + " " + String.join(" ", names)), names, mark);
        report.root().put("mark", which.auto ? "auto" : "manual");
        ArrayNode changed = report.root().putArray("changed");
        r.changed().forEach(changed::add);
        ArrayNode unchanged = report.root().putArray("unchanged");
        r.unchanged().forEach(unchanged::add);
        ArrayNode world = report.root().putArray("world");
        r.world().forEach(world::add);
        String what = which.auto ? "a dependency (auto)" : "installed for itself (manual)";
        r.changed().forEach(n -> output.info(n + ": marked as " + what));
        r.unchanged().forEach(n -> output.info(n + ": already marked as " + what));
        return ExitCodes.OK;
    }
}
