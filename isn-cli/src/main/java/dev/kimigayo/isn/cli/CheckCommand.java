package dev.kimigayo.isn.cli;

import java.io.PrintStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.RepositoryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code isn check REPO}: every package of a repository must be installable on its own into an
 * empty root; exits 1 naming each one that is not, with the solver's explanation.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check that every package of a repository (a folder or URL, its index verified with the"
                + " trusted keys) can be installed on its own; exit 1 and explain each one that cannot.")
public final class CheckCommand extends PackageCommand {

    @Parameters(paramLabel = "REPO", description = "A repository folder, or a file:, http: or https: URL.")
    String repository;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        long start = System.nanoTime();
        RepositoryCheck.Result r = RepositoryCheck.check(
                EngineSetup.of(parent.context(), settings, output, "isn check"), repository);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ObjectNode root = report.root().put("repository", r.repository()).put("arch", r.arch())
                .put("packages", r.packages()).put("checked", r.checked()).put("elapsed_ms", millis)
                .put("ok", r.problems().isEmpty());
        ArrayNode problems = root.putArray("not_installable");
        for (RepositoryCheck.Problem p : r.problems()) {
            ObjectNode o = QueryText.ref(problems.addObject(), p.pkg()).put("too_complex", p.tooComplex());
            o.set("explanation", JsonReport.snake(p.explanation()));
        }
        if (!settings.json()) {
            PrintStream out = parent.context().out();
            for (RepositoryCheck.Problem p : r.problems()) {
                out.println(p.pkg() + " cannot be installed" + (p.tooComplex() ? " (the search bound was hit)" : "") + ":");
                if (p.explanation() != null) {
                    p.explanation().render().lines().filter(l -> !l.isBlank()).forEach(l -> out.println("  " + l.strip()));
                }
            }
        }
        output.info(r.repository() + ": " + r.packages() + " packages, " + r.checked() + " checked for " + r.arch()
                + ", " + (r.problems().isEmpty() ? "all installable" : r.problems().size() + " not installable")
                + " (" + millis + " ms)");
        return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
