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
        // picocli's default factory looks for Groovy's Closure class on its first use; the failed
        // lookup makes the class loader open every jar of lib/ (~35 ms). isn has no Groovy.
        System.setProperty("picocli.disable.closures", "true");
        // picocli registers converters for java.time and java.sql types by reflection, which loads
        // their date-format and JDBC classes on every run; no isn option has such a type.
        System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
        Interruption interruption = new Interruption();
        onSignals(interruption);
        int code = run(new CliContext(System.out, System.err, System.getenv(), interruption), args);
        if (interruption.requested() && code != ExitCodes.CANCELLED) {
            // The command ran to its end (a commit past its commit point is carried through, not cut in half).
            System.err.println("isn: interrupted by " + interruption.signal() + ", but the command had gone past"
                    + " the point where stopping is safe and was completed");
            code = ExitCodes.CANCELLED;
        }
        System.exit(code);
    }

    /**
     * SIGINT and SIGTERM set a flag instead of killing the JVM mid-write; a command that does not
     * poll it, or a second signal, still exits at once (the journal repairs an interrupted commit).
     */
    private static void onSignals(Interruption interruption) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                    String exitNow = interruption.arrived("SIG" + name);
                    if (exitNow != null) {
                        System.err.println(System.lineSeparator() + exitNow);
                        System.exit(ExitCodes.CANCELLED);
                    }
                });
            } catch (IllegalArgumentException | LinkageError unavailable) {
                // No such signal here, -Xrs, or no jdk.unsupported module: the signal kills the JVM as before.
            }
        }
    }

    /** Runs one isn command line in-process and returns its exit code; used by tests too. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        return run(new CliContext(out, err, env), args);
    }

    private static int run(CliContext process, String... args) {
        if (QuickVersion.answer(args, process.out())) {
            return ExitCodes.OK;
        }
        PrintStream out = process.out();
        PrintStream err = process.err();
        // Answers go through SafePrintStream: nothing a package or server sent reaches the terminal raw.
        CliContext context = new CliContext(out instanceof SafePrintStream ? out : new SafePrintStream(out), err,
                process.env(), process.interruption());
        CommandLine cl = Commands.forArgs(context, args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrors(context));
        cl.setHelpFactory(new CommandHelp());
        cl.setExecutionExceptionHandler(new Failures(err));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Not a bug to report with a stack trace: the heap is capped (docs/user-guide.md), and
            // by now the objects of the failed command are unreachable, so the words still fit.
            CliException error = new CliException("out-of-memory", IsnException.Kind.FAILED, OUT_OF_MEMORY);
            if (UsageErrors.wantsJson(args)) {
                new JsonReport("isn").error(error, ExitCodes.FAILED).print(context.out());
            }
            err.println("isn: error: " + TerminalText.message(error));
            return ExitCodes.FAILED;
        }
    }

    static final String OUT_OF_MEMORY = "out of memory: this command needed more than isn's memory cap"
            + " (the launcher's -Xmx, 64 MB by default). A repository index of tens of thousands of"
            + " packages is read in a compact form once 'isn update' has stored it: run 'isn update',"
            + " then the command again, or raise the cap for one command with ISN_JAVA_OPTS=-Xmx256m."
            + " If the command was changing the root, the next isn command finishes or undoes it";

    /**
     * Maps a command's exception to its message and exit code. A class, not a lambda: a lambda over
     * a picocli interface cannot go into the class-data archive (packaging/cds.sh) and was spun at
     * run time by every command.
     */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        private final PrintStream err;

        Failures(PrintStream err) {
            this.err = err;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                                            CommandLine.ParseResult parseResult) {
            if (ex instanceof IsnException ie) {
                err.println("isn: error: " + TerminalText.message(ie));
                return ExitCodes.of(ie);
            }
            err.println("isn: internal error: " + TerminalText.escape(String.valueOf(ex)));
            ex.printStackTrace(err);
            return ExitCodes.INTERNAL;
        }
    }
}
