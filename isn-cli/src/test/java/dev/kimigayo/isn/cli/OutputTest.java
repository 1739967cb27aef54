package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.session.EngineEvent;

class OutputTest {

    private static Settings plain(boolean quiet) {
        return new Settings(Path.of("/r"), false, List.of(), null, false, quiet, false, false, false, 0,
                false, null, false, false, Settings.DEFAULT_TIMEOUT_SECONDS, false, null);
    }

    @Test
    void plainLinesLookLikeApk() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        Output o = new Output(ctx, plain(false), false);
        o.on(new EngineEvent.ChangeStarted(1, 3, new Change(Change.Action.INSTALL, "ncurses-libs", null, "6.4-r1")));
        o.on(new EngineEvent.ChangeStarted(2, 3, new Change(Change.Action.UPGRADE, "vim", "9.0-r0", "9.1-r0")));
        o.on(new EngineEvent.ChangeStarted(3, 3, new Change(Change.Action.REMOVE, "nano", "7.2-r1", null)));
        o.on(new EngineEvent.Download("vim", 10, 100));
        o.ok(12L * 1024 * 1024, 9);
        assertEquals("(1/3) Installing ncurses-libs (6.4-r1)\n"
                + "(2/3) Upgrading vim (9.0-r0 -> 9.1-r0)\n"
                + "(3/3) Purging nano (7.2-r1)\n"
                + "OK: 12 MiB in 9 packages\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietPrintsNothingAndTerminalWithoutNoColorPaints() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        new Output(ctx, plain(true), true).ok(1, 1);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        new Output(ctx, plain(false), true).ok(2048, 1);
        assertEquals("\033[32mOK:\033[0m 2 KiB in 1 package\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        CliContext noColor = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("NO_COLOR", "1"));
        new Output(noColor, plain(false), true).ok(2048, 1);
        assertEquals("OK: 2 KiB in 1 package\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFinishEventErasesTheBarItEnds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        Output o = new Output(ctx, plain(false), true);
        o.on(new EngineEvent.DownloadStarted("a.isn", 100));
        o.on(new EngineEvent.DownloadStarted("b.isn", 100));
        o.on(new EngineEvent.Download("a.isn", 100, 100));
        o.on(new EngineEvent.DownloadFinished("a.isn", 100, EngineEvent.Ending.OK));
        String bar = "\r" + new ProgressLine("fetch", "a.isn", 100, 100).render(80, true) + "\033[K";
        assertEquals(bar, err.toString(StandardCharsets.UTF_8), "b.isn is still coming: the bar stays");
        o.on(new EngineEvent.DownloadFinished("b.isn", 0, EngineEvent.Ending.FAILED));
        assertEquals(bar + "\r\033[K", err.toString(StandardCharsets.UTF_8), "the last download ended: erased");

        err.reset();
        o.on(new EngineEvent.PhaseStarted(EngineEvent.Phase.UNPACK, 10));
        o.on(new EngineEvent.InstallProgress(EngineEvent.InstallPhase.UNPACK, "vim", 5, 10));
        o.on(new EngineEvent.PhaseFinished(EngineEvent.Phase.UNPACK, EngineEvent.Ending.CANCELLED));
        o.finish();
        assertEquals("\r" + new ProgressLine("unpack", "vim", 5, 10).render(80, true) + "\033[K\r\033[K",
                err.toString(StandardCharsets.UTF_8), "erased once, when the phase ended");
    }
}
