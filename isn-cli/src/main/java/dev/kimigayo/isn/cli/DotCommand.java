package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.DependencyEdge;
import dev.kimigayo.isn.core.query.DependencyGraph;
import dev.kimigayo.isn.core.query.PackageRef;
import dev.kimigayo.isn.core.query.RootQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn dot PKG…}: the dependency graph in Graphviz's language, as apk's {@code dot}. */
@Command(name = "dot", mixinStandardHelpOptions = true,
        description = "Write the dependency graph of installed packages (or, with --available, of what installing"
                + " them would bring) in Graphviz's dot language; e.g. 'isn dot vim | dot -Tsvg > vim.svg'.")
public final class DotCommand extends PackageCommand {

    @Parameters(arity = "1..*", paramLabel = "PKG", description = "Installed package names (constraints with --available).")
    List<String> names = new ArrayList<>();

    @Option(names = "--available", description = "Graph what installing PKG... into an empty root would bring,"
            + " from the repository indexes.")
    boolean available;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        DependencyGraph g;
        try (RootQuery q = RootQuery.open(EngineSetup.of(parent.context(), settings, output, "isn dot"))) {
            g = available ? q.availableGraph(names) : q.installedGraph(names);
        }
        ArrayNode roots = report.root().putArray("roots");
        g.roots().forEach(r -> QueryText.ref(roots.addObject(), r));
        ArrayNode nodes = report.root().putArray("nodes");
        g.nodes().forEach(r -> QueryText.ref(nodes.addObject(), r));
        QueryText.edges(report.root().putArray("edges"), g.edges());
        if (!settings.json()) {
            print(parent.context().out(), g);
        }
        return ExitCodes.OK;
    }

    private static void print(PrintStream out, DependencyGraph g) {
        out.println("digraph \"isn\" {");
        out.println("  rankdir=LR;");
        out.println("  node [shape=box];");
        for (PackageRef n : g.nodes()) {
            out.println("  " + id(n) + (g.roots().contains(n) ? " [style=bold];" : ";"));
        }
        for (DependencyEdge e : g.edges()) {
            // install_if edges are dashed: the target comes because the source is there, not because it asked.
            out.println("  " + id(e.from()) + " -> " + id(e.to()) + " [label=" + quote(e.needs())
                    + (e.kind() == DependencyEdge.Kind.INSTALL_IF ? ", style=dashed" : "") + "];");
        }
        out.println("}");
    }

    private static String id(PackageRef r) {
        return quote(r.toString());
    }

    /** A dot quoted string: backslashes and quotes escaped (names and constraints hold neither, but be safe). */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
