package dev.kimigayo.isn.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Transaction;
import dev.kimigayo.isn.core.inspect.Queries;
import dev.kimigayo.isn.core.session.CancelledException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineListener;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.SolveRequest;

/** A listener that cancels stops a commit before its commit point: rolled back, nothing changed. */
class CancellationTest {

    @TempDir
    Path dir;

    /** Cancels once {@code trigger} is set, or from the first package unpacked when {@code onUnpack}. */
    private static EngineListener cancelling(AtomicBoolean trigger, boolean onUnpack) {
        return new EngineListener() {
            @Override
            public void on(EngineEvent event) {
                if (onUnpack && event instanceof EngineEvent.ChangeStarted) {
                    trigger.set(true);
                }
            }

            @Override
            public boolean cancelled() {
                return trigger.get();
            }
        };
    }

    /** The root byte for byte but the database file, where the history records the rolled-back attempt. */
    private static Map<String, String> withoutDatabase(Path root) throws Exception {
        Map<String, String> tree = RootSnapshot.content(root);
        tree.remove("var/lib/isn/isn.db");
        return tree;
    }

    private static List<String> installed(EngineSettings settings) throws Exception {
        try (Queries q = Queries.open(settings)) {
            return q.installed().stream().map(p -> p.name() + "-" + p.version()).sorted().toList();
        }
    }

    private static PackageRequest add(String... names) {
        return PackageRequest.of(SolveRequest.Operation.ADD, List.of(names));
    }

    @Test
    void cancellingWhileUnpackingRollsBackAndTheNextRunWorks() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        Engine.run(r.settings(root), add("musl"));
        Map<String, String> before = withoutDatabase(root);
        List<String> installed = installed(r.settings(root));
        EngineSettings settings = r.settings(root).withListener(cancelling(new AtomicBoolean(), true));

        CancelledException e = assertThrows(CancelledException.class, () -> Engine.run(settings, add("vim")));

        assertEquals("cancelled", e.code());
        assertTrue(e.getMessage().contains("rolled back and nothing was changed"), e.getMessage());
        assertEquals(before, withoutDatabase(root));
        assertEquals(installed, installed(r.settings(root)), "the database has the old packages");
        Engine.run(r.settings(root), add("vim"));
        assertTrue(Files.exists(root.resolve("usr/bin/vim")));
    }

    @Test
    void cancellingAfterPlanningStopsBeforeTheTransactionBegins() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        Engine.run(r.settings(root), add("musl"));
        Map<String, String> before = RootSnapshot.content(root);
        AtomicBoolean cancel = new AtomicBoolean();
        try (Transaction t = Transaction.open(r.settings(root).withListener(cancelling(cancel, false)))) {
            Plan plan = t.plan(add("busybox"));
            cancel.set(true);
            CancelledException e = assertThrows(CancelledException.class, () -> t.commit(plan));
            assertTrue(e.getMessage().contains("before the transaction began; nothing was changed"), e.getMessage());
        }
        assertEquals(before, RootSnapshot.content(root));
    }
}
