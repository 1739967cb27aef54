package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.Queries;
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
            // One line per package version, however many repositories carry it (in configured order).
            Map<String, List<Queries.Available>> hits = new LinkedHashMap<>();
            java.util.function.Consumer<Queries.Available> keep = a -> hits.computeIfAbsent(
                    a.entry().info().name() + "-" + a.entry().info().version(), k -> new ArrayList<>()).add(a);
            if (description) {
                // Descriptions are in the packages themselves: every package is read, a slice at a time.
                q.forEachAvailable(a -> {
                    PkgInfo i = a.entry().info();
                    if (p.matcher(i.name()).matches()
                            || i.description() != null && p.matcher(i.description().toLowerCase(Locale.ROOT)).find()) {
                        keep.accept(a);
                    }
                });
            } else {
                q.availableWhere(n -> p.matcher(n).matches()).forEach(keep);
            }
            for (var e : hits.entrySet()) {
                found++;
                PkgInfo i = e.getValue().get(0).entry().info();
                List<String> where = e.getValue().stream().map(Queries.Available::repository).distinct().toList();
                var o = array.addObject().put("name", i.name()).put("version", i.version())
                        .put("description", i.description()).put("repository", where.get(0));
                where.forEach(o.putArray("repositories")::add);
                if (!settings.json()) {
                    parent.context().out().println(e.getKey()
                            + (settings.verbose() && i.description() != null ? " - " + i.description() : "")
                            + (where.size() > 1 ? " (in " + String.join(", ", where) + ")" : ""));
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
