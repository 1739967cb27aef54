package dev.kimigayo.isn.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isn help [COMMAND]}: the help of isn, or of one command, on stdout (exit 0); an unknown
 * command is a usage error with the nearest names, as for {@code isn instal}.
 */
@Command(name = "help", description = "Show the help of isn, or of COMMAND (as 'isn COMMAND --help').")
public final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "The command to describe.")
    String command;

    @Override
    public Integer call() {
        CommandLine top = spec.commandLine().getParent();
        if (command == null) {
            top.usage(top.getOut());
            return ExitCodes.OK;
        }
        CommandLine sub = top.getSubcommands().get(command);
        if (sub == null) {
            throw new CommandLine.UnmatchedArgumentException(top, List.of(command));
        }
        sub.usage(top.getOut());
        return ExitCodes.OK;
    }
}
