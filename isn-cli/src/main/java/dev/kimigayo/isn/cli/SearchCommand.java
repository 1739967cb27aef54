package dev.kimigayo.isn.cli;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Queries;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn search PATTERN}: packages of the repository indexes whose name (or description) matches. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the repository indexes by name (glob with * and ?, or a substring).")
public final class SearchCommand extends PackageCommand {

    @Parameters(paramLabel = "PATTERN", description = "A name glob (vim*) or substring (vim).")
    String pattern;

    @Option(names = {"-d", "--description"}, description = "Match descriptions too.")
    boolean description;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        Pattern p = toRegex(pattern);
        int found = 0;
        try (Queries q = Queries.open(EngineSetup.of(parent.context(), settings, output, "isn search"))) {
            var array = report.root().putArray("packages");
            for (Queries.Available a : q.available()) {
                PkgInfo i = a.entry().info();
                boolean hit = p.matcher(i.name()).matches()
                        || description && i.description() != null && p.matcher(i.description().toLowerCase(Locale.ROOT)).find();
                if (!hit) {
                    continue;
                }
                found++;
                array.addObject().put("name", i.name()).put("version", i.version())
                        .put("description", i.description()).put("repository", a.repository());
                if (!settings.json()) {
                    parent.context().out().println(i.name() + "-" + i.version()
                            + (settings.verbose() && i.description() != null ? " - " + i.description() : ""));
                }
            }
        }
        return found > 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Pattern toRegex(String glob) {
        String g = glob.toLowerCase(Locale.ROOT);
        if (!g.contains("*") && !g.contains("?")) {
            g = "*" + g + "*";
        }
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
