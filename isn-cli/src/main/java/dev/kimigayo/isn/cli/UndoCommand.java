package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code isn undo [N]}: a new transaction returning to the packages and world from before
 * transaction N (default: the last one that changed the root), saying what it cannot restore.
 */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Return to the packages and world from before transaction N (default: the last), as a new"
                + " transaction.")
public final class UndoCommand extends PackageCommand {

    @Parameters(paramLabel = "N", arity = "0..1", description = "The transaction to undo (see 'isn history').")
    Long id;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        var confirm = Changes.confirmation(parent.context(), settings, output, change.dryRun);
        var engine = EngineSetup.of(parent.context(), settings, output, "isn undo" + (id == null ? "" : " " + id));
        engine = engine.withScripts(engine.scripts() && !change.noScripts);
        Outcome outcome = Engine.undo(engine, id == null ? -1 : id, change.dryRun, confirm);
        var notes = report.root().putArray("not_restored");
        outcome.plan().notes().forEach(notes::add);
        return Changes.render(outcome, outcome.plan().request(), output, report);
    }
}
