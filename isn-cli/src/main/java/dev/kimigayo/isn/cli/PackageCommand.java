package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.session.FilesystemException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of the package-management commands: merges the global options, sets up rendering, and
 * with {@code --json} turns a failure into the document's {@code error} object (the exit code
 * stays the one ExitCodes gives; stderr still gets the {@code isn: error:} line).
 */
abstract class PackageCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    /** Does the command's work; returns the exit code. */
    abstract int run(Settings settings, Output output, JsonReport report) throws IsnException, IOException;

    @Override
    public final Integer call() throws IsnException {
        CliContext context = parent.context();
        Settings settings = GlobalOptions.merge(parent.globalOptions(), options);
        JsonReport report = new JsonReport(spec.name());
        Output output = new Output(context, settings, Output.stderrIsTerminal());
        try {
            int code = run(settings, output, report);
            if (settings.json()) {
                report.warnings(output.warnings()).print(context.out());
            }
            return code;
        } catch (IOException e) {
            report.warnings(output.warnings());
            return fail(new FilesystemException(spec.name() + " failed", e), settings, report, context);
        } catch (IsnException e) {
            report.warnings(output.warnings());
            return fail(e, settings, report, context);
        } finally {
            output.finish();
        }
    }

    private static int fail(IsnException e, Settings settings, JsonReport report, CliContext context)
            throws IsnException {
        if (!settings.json()) {
            throw e;
        }
        int code = ExitCodes.of(e);
        report.error(e, code).print(context.out());
        context.err().println("isn: error: " + TerminalText.message(e));
        return code;
    }
}
