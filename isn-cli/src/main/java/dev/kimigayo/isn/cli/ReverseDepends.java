package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.DependencyEdge;
import dev.kimigayo.isn.core.query.RootQuery;
import dev.kimigayo.isn.core.query.WhyAnswer;

/** {@code isn info -r PKG}: the installed packages that depend on PKG, by its name or a name it provides. */
final class ReverseDepends {

    private ReverseDepends() {
    }

    static int run(CliContext context, Settings settings, Output output, JsonReport report, String name)
            throws IsnException {
        List<DependencyEdge> dependents;
        WhyAnswer self;
        try (RootQuery q = RootQuery.open(EngineSetup.of(context, settings, output, "isn info -r"))) {
            self = q.why(name);
            dependents = q.dependents(name);
        }
        report.root().put("name", name).put("version", self.pkg().version());
        ArrayNode array = report.root().putArray("required_by");
        for (DependencyEdge e : dependents) {
            QueryText.ref(array.addObject(), e.from()).put("needs", e.needs());
        }
        if (!settings.json()) {
            PrintStream out = context.out();
            out.println(self.pkg() + (dependents.isEmpty() ? " is required by no installed package" : " is required by:"));
            for (DependencyEdge e : dependents) {
                out.println("  " + e.from() + " (" + e.needs() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
