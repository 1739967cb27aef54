package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import picocli.CommandLine;

/** Entry point: the only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, System.getenv(), args));
    }

    /** Runs one isn command line in-process and returns its exit code; used by tests too. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        // Answers go through SafePrintStream: nothing a package or server sent reaches the terminal raw.
        CliContext context = new CliContext(out instanceof SafePrintStream ? out : new SafePrintStream(out), err, env);
        CommandLine cl = Commands.forArgs(context, args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrors(context));
        cl.setHelpFactory(new CommandHelp());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IsnException ie) {
                err.println("isn: error: " + TerminalText.message(ie));
                return ExitCodes.of(ie);
            }
            err.println("isn: internal error: " + TerminalText.escape(String.valueOf(ex)));
            ex.printStackTrace(err);
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }
}
