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
        return mode.test ? test() : check();
    }

    private int test() {
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
        for (int i = 0; i < versions.size(); i += 2) {
            int r = Version.compare(versions.get(i), versions.get(i + 1));
            out.println(r < 0 ? "<" : r > 0 ? ">" : "=");
        }
        return ExitCodes.OK;
    }

    private int check() {
        int invalid = 0;
        for (String v : versions) {
            if (!Version.isValid(v)) {
                parent.context().out().println(v);
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
