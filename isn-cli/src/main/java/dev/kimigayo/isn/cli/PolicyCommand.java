package dev.kimigayo.isn.cli;

import java.io.PrintStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.query.PolicyAnswer;
import dev.kimigayo.isn.core.query.RootQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isn policy PKG}: the versions on offer per repository and the one the solver would take, as apk's {@code policy}. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Show the versions of a package each repository offers, the installed one,"
                + " and the one an install would choose, with the reason.")
public final class PolicyCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", description = "A package name.")
    String name;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        PolicyAnswer a;
        try (RootQuery q = RootQuery.open(EngineSetup.of(parent.context(), settings, output, "isn policy"))) {
            a = q.policy(name);
        }
        ObjectNode root = report.root().put("name", a.name());
        if (a.installed() == null) {
            root.putNull("installed");
        } else {
            root.putObject("installed").put("version", a.installed().version())
                    .put("repository", a.installed().repository()).put("tag", a.installed().tag());
        }
        ArrayNode candidates = root.putArray("candidates");
        for (PolicyAnswer.Candidate c : a.candidates()) {
            ArrayNode sources = candidates.addObject().put("version", c.version()).putArray("repositories");
            c.sources().forEach(s -> sources.addObject().put("url", s.repository()).put("tag", s.tag()));
        }
        root.put("chosen", a.chosen()).put("reason", a.choice().name().toLowerCase())
                .put("pinned_tag", a.pinnedTag()).put("upgrade", a.upgrade());
        if (a.refusal() != null) {
            root.set("refusal", JsonReport.snake(a.refusal()));
        }
        if (!settings.json()) {
            print(a);
        }
        return ExitCodes.OK;
    }

    private void print(PolicyAnswer a) {
        PrintStream out = parent.context().out();
        out.println(a.name() + " policy:");
        if (a.installed() != null) {
            out.println("  installed: " + a.installed().version()
                    + (a.installed().repository() == null ? "" : " (from " + a.installed().repository() + ")")
                    + (a.installed().tag() == null ? "" : " @" + a.installed().tag()));
        }
        for (PolicyAnswer.Candidate c : a.candidates()) {
            out.println("  " + c.version() + ":");
            c.sources().forEach(s -> out.println("    " + (s.tag() == null ? "" : "@" + s.tag() + " ") + s.repository()));
        }
        out.println("  chosen: " + (a.chosen() == null ? "none" : a.chosen()) + " (" + reason(a) + ")");
        if (a.refusal() != null) {
            a.refusal().render().lines().filter(l -> !l.isBlank()).forEach(l -> out.println("    " + l.strip()));
        }
    }

    private static String reason(PolicyAnswer a) {
        return switch (a.choice()) {
            case PINNED_TAG -> "the world pins it to @" + a.pinnedTag();
            case NEWEST -> "the newest version on offer";
            case INSTALLED_KEPT -> "the installed version is kept, installing never upgrades"
                    + (a.upgrade() == null || a.upgrade().equals(a.chosen()) ? ""
                            : "; 'isn upgrade " + a.name() + "' would take " + a.upgrade());
            case CONSTRAINED -> "a world entry or a dependency rules out the newer versions";
            case NOT_INSTALLABLE -> "no installation plan can include it";
        };
    }
}
