package dev.kimigayo.isn.cli;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.commit.CommitResult;
import dev.kimigayo.isn.core.engine.Confirmation;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Outcome;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.session.EngineSettings;

/**
 * Runs a changing request (install, remove, upgrade, fix) and renders its outcome the same way for
 * each. With {@code --interactive} the question is asked with the plan that is then committed,
 * while the write lock is held: what the user confirmed is what runs.
 */
final class Changes {

    private Changes() {
    }

    /** Asks on the terminal; only the CLI reads stdin. */
    private static boolean ask(CliContext context) {
        context.err().print("Continue? [Y/n] ");
        context.err().flush();
        String answer = System.console() == null ? null : System.console().readLine();
        return answer != null && (answer.isBlank() || answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y"));
    }

    /** The question of {@code --interactive}, shown with the plan it confirms; refused without a terminal. */
    static Confirmation confirmation(CliContext context, Settings settings, Output output, boolean dryRun)
            throws CliException {
        boolean interactive = settings.interactive() && !dryRun && !settings.yes();
        if (interactive && !Output.isTerminal()) {
            // Going ahead without the promised question would be worse than stopping: nothing is touched yet.
            throw new CliException("no-terminal", IsnException.Kind.USAGE, "--interactive needs a terminal to ask"
                    + " on, and stdin is not one; nothing was changed. Run it on a terminal, or drop --interactive"
                    + " (or add --yes) to go ahead without asking");
        }
        return !interactive ? Confirmation.ALWAYS : plan -> {
            PlanReport.show(plan, output);
            // Ctrl-C at the question exits at once: the read would not notice the flag, and nothing is written yet.
            return context.interruption().unguarded(() -> ask(context));
        };
    }

    static int run(CliContext context, Settings settings, Output output, JsonReport report, PackageRequest request,
            boolean noScripts, String commandLine) throws IsnException {
        Confirmation confirm = confirmation(context, settings, output, request.dryRun());
        EngineSettings engine = EngineSetup.of(context, settings, output, "isn " + commandLine);
        engine = engine.withScripts(engine.scripts() && !noScripts); // off already for a foreign --arch
        return render(Engine.run(engine, request, confirm), request, output, report);
    }

    /** {@code install --locked FILE}: reads the lock file and installs exactly its packages. */
    static int runLocked(CliContext context, Settings settings, Output output, JsonReport report,
            java.nio.file.Path file, boolean dryRun, boolean noScripts, String commandLine) throws IsnException {
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new CliException("no-such-file", IsnException.Kind.USAGE, "cannot read the lock file "
                    + file + ": " + dev.kimigayo.isn.core.IoMessages.describe(e) + "; nothing was changed");
        }
        var lock = dev.kimigayo.isn.core.plan.LockFileParser.parse(text, file.toString());
        Confirmation confirm = confirmation(context, settings, output, dryRun);
        EngineSettings engine = EngineSetup.of(context, settings, output, "isn " + commandLine);
        engine = engine.withScripts(engine.scripts() && !noScripts);
        Outcome outcome = Engine.runLocked(engine, lock, dryRun, confirm);
        return render(outcome, outcome.plan().request(), output, report);
    }

    /** Renders what a run planned and did; returns the exit code. */
    static int render(Outcome outcome, PackageRequest request, Output output, JsonReport report) {
        PlanReport.json(outcome.plan(), report);
        report.root().put("dry_run", outcome.dryRun());
        Unchanged.render(request, outcome, output, report);
        if (outcome.dryRun()) {
            PlanReport.show(outcome.plan(), output);
            int n = outcome.changes().size();
            output.info("dry run: " + n + " change" + (n == 1 ? "" : "s") + " planned, nothing changed");
            return ExitCodes.OK;
        }
        if (outcome.declined()) {
            output.info("nothing changed");
            report.changes(List.of());
            return ExitCodes.FAILED;
        }
        CommitResult result = outcome.commit();
        if (result == null) {
            output.info("OK: nothing to do");
            return ExitCodes.OK;
        }
        var failures = report.root().putArray("failed_scripts");
        for (CommitResult.FailedScript f : result.failedScripts()) {
            failures.addObject().put("package", f.pkg()).put("script", f.script()).put("exit_code", f.exitCode());
        }
        report.root().put("installed_packages", result.installedCount());
        report.root().put("installed_bytes", result.installedBytes());
        output.ok(result.installedBytes(), result.installedCount());
        if (!result.failedScripts().isEmpty()) {
            report.root().put("ok", false);
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
