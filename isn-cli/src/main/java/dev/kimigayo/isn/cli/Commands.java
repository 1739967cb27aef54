package dev.kimigayo.isn.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command tree for one command line with only the subcommand it names. picocli builds
 * a full model (options, mixins, help) for every registered command by reflection; for isn's
 * fifteen commands that was about half of the start-up time of a query. When the line names no
 * known command (help, a typo, a usage error before the name), every command is registered, so
 * help, suggestions and errors read exactly as they would with the full tree.
 */
final class Commands {
    private Commands() {
    }

    /** The tree for {@code args}: the top-level command plus the subcommand(s) it may need. */
    static CommandLine forArgs(CliContext context, String[] args) {
        Class<?> named = subcommandNamed(firstCommandWord(context, args));
        CommandLine cl = new CommandLine(new IsnCommand(context));
        for (Class<?> c : named == null ? IsnCommand.SUBCOMMANDS : List.of(named)) {
            cl.addSubcommand(newInstance(c));
        }
        return cl;
    }

    /** The first argument left once the global options before it are parsed, or null for all. */
    private static String firstCommandWord(CliContext context, String[] args) {
        CommandLine top = new CommandLine(new IsnCommand(context));
        top.setStopAtPositional(true);
        top.setStopAtUnmatched(true);
        top.setUnmatchedArgumentsAllowed(true);
        try {
            CommandLine.ParseResult parsed = top.parseArgs(args);
            List<String> rest = parsed.unmatched();
            // "isn --help install" shows the top-level help, which lists every command.
            boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
            return help || rest.isEmpty() ? null : rest.get(0);
        } catch (ParameterException e) {
            return null;
        }
    }

    private static Class<?> subcommandNamed(String word) {
        if (word == null || word.startsWith("-")) {
            return null;
        }
        for (Class<?> c : IsnCommand.SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static Object newInstance(Class<?> c) {
        try {
            return CommandLine.defaultFactory().create(c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + c.getName(), e);
        }
    }
}
