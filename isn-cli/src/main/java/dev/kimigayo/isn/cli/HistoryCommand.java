package dev.kimigayo.isn.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.history.History;
import dev.kimigayo.isn.core.history.HistoryEntry;
import dev.kimigayo.isn.core.plan.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isn history [N]}: the transactions of the root, newest first, or one of them in full. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the transactions of the root (newest first), or show transaction N.")
public final class HistoryCommand extends PackageCommand {

    @Parameters(paramLabel = "N", arity = "0..1", description = "The transaction to show.")
    Long id;

    @Option(names = "--limit", paramLabel = "COUNT", description = "List at most COUNT transactions (default 50).")
    int limit = 50;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        var engine = EngineSetup.of(parent.context(), settings, output, "isn history");
        var out = parent.context().out();
        if (id != null) {
            HistoryEntry e = History.show(engine, id);
            json(e, report.root().putObject("transaction"), true);
            if (!settings.json()) {
                out.println(line(e));
                out.println("  command: " + e.command() + (e.user() == null ? "" : " (by " + e.user() + ")"));
                if (e.request() != null) {
                    out.println("  world before: " + String.join(" ", e.worldBefore()));
                    out.println("  world after:  " + String.join(" ", e.worldAfter()));
                }
                List<Change> changes = e.changes();
                for (int i = 0; i < changes.size(); i++) {
                    out.println("  " + Output.describe(i + 1, changes.size(), changes.get(i)));
                }
            }
            return ExitCodes.OK;
        }
        var array = report.root().putArray("transactions");
        for (HistoryEntry e : History.list(engine, Math.max(1, limit))) {
            json(e, array.addObject(), false);
            if (!settings.json()) {
                out.println(line(e));
            }
        }
        return ExitCodes.OK;
    }

    /** {@code 4  2026-12-05T19:20:03Z  done  add vim  (3 changes)}. */
    private static String line(HistoryEntry e) {
        String what = e.request() != null ? e.request() : e.command();
        return e.id() + "  " + e.startedAt() + "  " + e.state() + "  " + what + "  (" + e.changes().size()
                + " change" + (e.changes().size() == 1 ? "" : "s") + ")";
    }

    private static void json(HistoryEntry e, ObjectNode o, boolean full) {
        o.put("id", e.id()).put("state", e.state()).put("command", e.command()).put("user", e.user())
                .put("started_at", e.startedAt().toString())
                .put("committed_at", e.committedAt() == null ? null : e.committedAt().toString())
                .put("request", e.request()).put("changes_count", e.changes().size());
        if (full) {
            var w = o.putArray("world_before");
            e.worldBefore().forEach(w::add);
            var a = o.putArray("world_after");
            e.worldAfter().forEach(a::add);
            var changes = o.putArray("changes");
            for (Change c : e.changes()) {
                changes.addObject().put("action", c.action().jsonName()).put("name", c.name())
                        .put("old_version", c.oldVersion()).put("new_version", c.newVersion());
            }
        }
    }
}
