package dev.kimigayo.isn.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command tree for one command line with only the subcommand it names. The models come
 * from {@link CommandModels} (generated at build time from the annotations), so no annotation is
 * read at run time; picocli's reflection used to be a third of the start-up time of a query. When
 * the line names no known command (help, a typo, a usage error before the name), every command is
 * registered, so help, suggestions and errors read exactly as they would with the full tree.
 */
final class Commands {
    private static final CommandModels MODELS = CommandModels.load();

    private Commands() {
    }

    /** The tree for {@code args}: the top-level command plus the subcommand(s) it may need. */
    static CommandLine forArgs(CliContext context, String[] args) {
        IsnCommand isn = new IsnCommand(context);
        CommandLine cl = top(isn);
        // One top-level model for both parses (building one costs picocli's converter registry
        // and the model, interpreted): the look-ahead's settings are put back to the defaults,
        // and picocli resets every option to its initial value when it parses again.
        List<Class<?>> needed = needed(cl, args);
        cl.setStopAtPositional(false);
        cl.setStopAtUnmatched(false);
        cl.setUnmatchedArgumentsAllowed(false);
        for (Class<?> c : needed) {
            cl.addSubcommand(subcommand(c, isn));
        }
        return cl;
    }

    private static CommandLine top(IsnCommand isn) {
        CommandSpec spec = MODELS.specOf(isn, null);
        return new CommandLine(spec != null ? spec : isn);
    }

    private static CommandLine subcommand(Class<?> c, IsnCommand parent) {
        Object command = MODELS.create(c);
        CommandSpec spec = command == null ? null : MODELS.specOf(command, parent);
        return spec != null ? new CommandLine(spec) : new CommandLine(newInstance(c));
    }

    /**
     * The subcommands {@code args} may need: the one named by the first argument left once the
     * global options before it are parsed; none for {@code isn --version}; all otherwise.
     */
    private static List<Class<?>> needed(CommandLine top, String[] args) {
        top.setStopAtPositional(true);
        top.setStopAtUnmatched(true);
        top.setUnmatchedArgumentsAllowed(true);
        try {
            CommandLine.ParseResult parsed = top.parseArgs(args);
            List<String> rest = parsed.unmatched();
            // "isn --help install" shows the top-level help, which lists every command.
            if (parsed.isUsageHelpRequested()) {
                return IsnCommand.SUBCOMMANDS;
            }
            if (parsed.isVersionHelpRequested()) {
                return List.of();
            }
            if (rest.isEmpty()) {
                return IsnCommand.SUBCOMMANDS;
            }
            Class<?> named = subcommandNamed(rest.get(0));
            // "isn help install" needs install's model, suggestions for "isn help instal" and the
            // completion script every command's.
            return named == null || named == HelpCommand.class || named == CompletionCommand.class
                    ? IsnCommand.SUBCOMMANDS : List.of(named);
        } catch (ParameterException e) {
            return IsnCommand.SUBCOMMANDS;
        }
    }

    private static Class<?> subcommandNamed(String word) {
        if (word == null || word.startsWith("-")) {
            return null;
        }
        for (Class<?> c : IsnCommand.SUBCOMMANDS) {
            if (names(c).contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> c) {
        List<String> names = MODELS.namesOf(c);
        if (names != null) {
            return names;
        }
        Command command = c.getAnnotation(Command.class);
        return command == null ? List.of() : concat(command.name(), command.aliases());
    }

    private static List<String> concat(String name, String[] aliases) {
        String[] all = new String[aliases.length + 1];
        all[0] = name;
        System.arraycopy(aliases, 0, all, 1, aliases.length);
        return List.of(all);
    }

    private static Object newInstance(Class<?> c) {
        try {
            return CommandLine.defaultFactory().create(c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + c.getName(), e);
        }
    }
}
