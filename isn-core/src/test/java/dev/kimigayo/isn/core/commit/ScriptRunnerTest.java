package dev.kimigayo.isn.core.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.session.EngineEvent;

class ScriptRunnerTest {

    private static final byte[] SCRIPT = """
            post_install() { echo "installed $1"; : > /marker; }
            pre_remove() { echo "refusing" >&2; return 3; }
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void runsFunctionsChrootedIntoTheRootAndReportsStatus(@TempDir Path dir) throws Exception {
        ChrootShell.install(dir);
        List<EngineEvent> events = new ArrayList<>();
        ScriptRunner runner = new ScriptRunner(new RootLayout(dir), events::add, true);
        assertEquals(0, runner.run("app", SCRIPT, "post_install", List.of("1.0-r0")));
        assertTrue(Files.exists(dir.resolve("marker")), "the script ran inside the root");
        assertEquals(3, runner.run("app", SCRIPT, "pre_remove", List.of("1.0-r0")));
        assertEquals(0, runner.run("app", SCRIPT, "post_upgrade", List.of()), "an absent function succeeds");
        assertEquals(List.of(new EngineEvent.ScriptOutput("app", "post_install", "installed 1.0-r0"),
                new EngineEvent.ScriptOutput("app", "pre_remove", "refusing")), events);
        assertTrue(Files.list(dir.resolve("var/lib/isn/tmp")).findAny().isEmpty(), "no script left behind");
    }

    @Test
    void withoutAShellInTheRootScriptsAreSkippedWithOneNote(@TempDir Path dir) throws Exception {
        List<EngineEvent> events = new ArrayList<>();
        ScriptRunner runner = new ScriptRunner(new RootLayout(dir), events::add, true);
        assertEquals(0, runner.run("app", SCRIPT, "post_install", List.of("1.0-r0")));
        assertEquals(0, runner.run("app", SCRIPT, "pre_remove", List.of("1.0-r0")));
        assertEquals(1, events.size(), "one note for the whole run, not one per script: " + events);
        assertTrue(events.get(0) instanceof EngineEvent.Note n && n.message().startsWith(
                "package scripts were not run (first: post_install of app): under --root " + dir), events.toString());
        assertEquals(0, new ScriptRunner(new RootLayout(dir), events::add, false)
                .run("app", SCRIPT, "pre_remove", List.of()), "--no-scripts runs nothing");
    }
}
