package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kimigayo.isn.core.txn.Durability;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class GlobalOptionsTest {

    @Command(name = "probe")
    static final class Probe extends PackageCommand {
        Settings seen;

        @Override
        int run(Settings settings, Output output, JsonReport report) {
            seen = settings;
            report.root().put("probe", true);
            return 0;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Probe run(String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        Probe probe = new Probe();
        CommandLine cl = new CommandLine(new IsnCommand(ctx));
        cl.addSubcommand("probe", probe);
        assertEquals(0, cl.execute(args));
        return probe;
    }

    @Test
    void optionsBeforeAndAfterTheCommandMerge() {
        Settings s = run("--root", "/tmp/r", "-X", "file:///a", "probe", "-X", "file:///b", "--json", "--wait", "5").seen;
        assertEquals(Path.of("/tmp/r"), s.root());
        assertEquals(List.of("file:///a", "file:///b"), s.repositories());
        assertTrue(s.json());
        assertEquals(5, s.waitSeconds());
        assertEquals(Path.of("/tmp/r/etc/isn/keys"), s.trustedKeys());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"schema_version\" : 2"), out.toString());
    }

    @Test
    void afterWinsAndDurabilityDefaultsFollowTheRoot() {
        Settings s = run("--root", "/tmp/a", "probe", "--root", "/tmp/b").seen;
        assertEquals(Path.of("/tmp/b"), s.root());
        assertEquals(Durability.NO_SYNC, s.durability());
        assertEquals(Durability.SYNC, run("probe").seen.durability());
        assertEquals(Durability.SYNC, run("--root", "/tmp/a", "probe", "--sync").seen.durability());
        assertEquals(Durability.NO_SYNC, run("probe", "--no-sync").seen.durability());
        assertFalse(run("probe").seen.json());
    }

    @Test
    void timeoutDefaultsToThirtySecondsAndTheLaterOneWins() throws Exception {
        assertEquals(30, run("probe").seen.timeoutSeconds());
        Settings s = run("--timeout", "5", "probe", "--timeout", "7").seen;
        assertEquals(7, s.timeoutSeconds());
        assertEquals(java.time.Duration.ofSeconds(7), EngineSetup.timeout(s));
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class,
                () -> EngineSetup.timeout(run("probe", "--timeout", "-1").seen));
        assertEquals("bad-timeout", e.code());
        assertEquals(2, ExitCodes.of(e));
    }
}
