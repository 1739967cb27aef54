package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import dev.kimigayo.isn.core.version.InvalidVersionException;
import dev.kimigayo.isn.core.version.Version;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code isn version -t A B …} compares versions pairwise; {@code isn version -c V…} checks them. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Compare and check versions with apk's rules (see docs/versions.md).",
        footer = {"%nExamples:", "  isn version -t 1.2_rc1 1.2 1.10 1.9   prints < then >",
            "  isn version -c 1.2 1.0bc             prints 1.0bc and exits 1"})
public final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Parameters(paramLabel = "VERSION", arity = "1..*", description = "The versions.")
    List<String> versions;

    @Option(names = "--json", description = "Print one JSON document on stdout (schema: docs/json.md).")
    boolean json;

    static final class Mode {
        @Option(names = {"-t", "--test"}, required = true,
                description = "Compare each pair A B and print <, = or > (one line per pair).")
        boolean test;

        @Option(names = {"-c", "--check"}, required = true,
                description = "Print the versions that are not valid; exit 1 if there are any.")
        boolean check;
    }

    @Override
    public Integer call() {
        boolean asJson = json || parent.globalOptions() != null && parent.globalOptions().json;
        JsonReport report = new JsonReport("version");
        int code = mode.test ? test(asJson ? report : null) : check(asJson ? report : null);
        if (asJson) {
            report.root().put("ok", code == ExitCodes.OK);
            report.print(parent.context().out());
        }
        return code;
    }

    /** Compares the pairs; with a report, the results go into it ({@code results[]}) instead of text lines. */
    private int test(JsonReport report) {
        if (versions.size() % 2 != 0) {
            throw new ParameterException(spec.commandLine(), "version -t compares pairs, but " + versions.size()
                    + " versions were given (the last, '" + versions.get(versions.size() - 1) + "', has no partner)");
        }
        PrintStream out = parent.context().out();
        for (String v : versions) {
            if (!Version.isValid(v)) {
                parent.context().err().println("isn version: warning: " + problem(v)
                        + "; compared anyway, as apk does (invalid versions sort below valid ones)");
            }
        }
        var results = report == null ? null : report.root().putArray("results");
        for (int i = 0; i < versions.size(); i += 2) {
            int r = Version.compare(versions.get(i), versions.get(i + 1));
            String symbol = r < 0 ? "<" : r > 0 ? ">" : "=";
            if (results == null) {
                out.println(symbol);
            } else {
                results.addObject().put("a", versions.get(i)).put("b", versions.get(i + 1)).put("result", symbol)
                        .put("a_valid", Version.isValid(versions.get(i)))
                        .put("b_valid", Version.isValid(versions.get(i + 1)));
            }
        }
        return ExitCodes.OK;
    }

    private int check(JsonReport report) {
        int invalid = 0;
        var array = report == null ? null : report.root().putArray("invalid");
        for (String v : versions) {
            if (!Version.isValid(v)) {
                if (array == null) {
                    parent.context().out().println(v);
                } else {
                    array.addObject().put("version", v).put("problem", problem(v));
                }
                parent.context().err().println("isn version: " + problem(v));
                invalid++;
            }
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String problem(String v) {
        try {
            Version.parse(v);
            return "'" + v + "' is valid";
        } catch (InvalidVersionException e) {
            return "invalid version '" + v + "': " + e.reason() + " at position " + e.position();
        }
    }
}
