package dev.kimigayo.isn.cli;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli could not parse (exit 2): an unknown command or option with the
 * nearest names ("did you mean 'install'?"), a missing or malformed argument. The message goes
 * to stderr as {@code isn: error: …}; with {@code --json} anywhere on the line, stdout also gets
 * the one JSON error document docs/json.md promises for every outcome.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    private final CliContext context;

    UsageErrors(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CliException error = describe(ex);
        report(context, ex.getCommandLine(), error, wantsJson(args));
        return ExitCodes.USAGE;
    }

    /** Prints {@code error} (kind USAGE) for {@code command}: the stderr lines, and the JSON document if asked. */
    static void report(CliContext context, CommandLine command, CliException error, boolean json) {
        if (json) {
            String name = command.getParent() == null ? "isn" : command.getCommandSpec().name();
            new JsonReport(name).error(error, ExitCodes.USAGE).print(context.out());
        }
        context.err().println("isn: error: " + TerminalText.message(error));
        context.err().println("Try 'isn " + commandPath(command) + "--help' for usage.");
    }

    /** The failure in words, with a stable code for JSON. */
    static CliException describe(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof MissingParameterException && !cl.getUnmatchedArguments().isEmpty()) {
            // "install --dry-rum" lacks PKG too, but the typo is what the user needs to hear about.
            ex = new UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (u.isUnknownOption() || word.startsWith("-") && word.length() > 1) {
                String hint = suggestion(Suggestions.nearest(word, cl.getCommandSpec().optionsMap().keySet()));
                return usage("unknown-option", "unknown option '" + word + "'" + forCommand(cl) + hint);
            }
            if (!cl.getSubcommands().isEmpty() && cl.getParent() == null) {
                String hint = suggestion(Suggestions.nearest(word, cl.getSubcommands().keySet()));
                return usage("unknown-command", "unknown command '" + word + "'" + hint);
            }
            return usage("unexpected-argument", "unexpected argument '" + word + "'" + forCommand(cl)
                    + ": 'isn " + commandPath(cl).trim() + "' takes no more arguments");
        }
        if (ex instanceof MissingParameterException) {
            return usage("missing-argument", lowerFirst(ex.getMessage()) + forCommand(cl));
        }
        String message = ex.getMessage() == null ? "bad command line" : ex.getMessage();
        return usage(message.startsWith("Invalid value") ? "bad-value" : "usage", lowerFirst(message));
    }

    /** Whether the line asked for JSON: parsing failed, so the options are looked at as words. */
    static boolean wantsJson(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    static CliException usage(String code, String message) {
        return new CliException(code, IsnException.Kind.USAGE, message);
    }

    private static String suggestion(List<String> names) {
        List<String> few = names.stream().distinct().limit(3).map(n -> "'" + n + "'").toList();
        if (few.isEmpty()) {
            return "";
        }
        String last = few.get(few.size() - 1);
        return few.size() == 1 ? "; did you mean " + last + "?"
                : "; did you mean " + String.join(", ", few.subList(0, few.size() - 1)) + " or " + last + "?";
    }

    private static String forCommand(CommandLine cl) {
        return cl.getParent() == null ? "" : " for 'isn " + commandPath(cl).trim() + "'";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code "install "} for isn install, {@code ""} for isn itself. */
    static String commandPath(CommandLine cl) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
