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

import dev.kimigayo.isn.core.session.EngineEvent;

class ProgressLineTest {

    @Test
    void drawsPhaseBarPercentAndItem() {
        assertEquals("unpack [                    ]   0% vim",
                new ProgressLine("unpack", "vim", 0, 12).render(80, false));
        assertEquals("unpack [##########          ]  50% vim",
                new ProgressLine("unpack", "vim", 6, 12).render(80, false));
        assertEquals("place  [####################] 100%",
                new ProgressLine("place", null, 17, 17).render(80, false));
        assertEquals("fetch  [#############       ]  66% vim-9.0.2127-r0.isn",
                new ProgressLine("fetch", "vim-9.0.2127-r0.isn", 2, 3).render(80, false));
    }

    @Test
    void unknownTotalsAndOvershootStayInTheBar() {
        assertEquals("fetch  [                    ]  ... index.json",
                new ProgressLine("fetch", "index.json", 4096, -1).render(80, false));
        assertEquals(-1, new ProgressLine("fetch", "x", 5, 0).percent());
        assertEquals(100, new ProgressLine("fetch", "x", 150, 100).percent());
        assertEquals(0, new ProgressLine("fetch", "x", -3, 100).percent());
    }

    @Test
    void longItemsAreCutToTheWidthWithAnEllipsis() {
        String line = new ProgressLine("unpack", "a-package-with-a-very-long-name-indeed", 1, 2).render(50, false);
        assertEquals("unpack [##########          ]  50% a-package-wit…", line);
        assertEquals(49, line.length(), "one column stays free so the cursor never wraps");
        assertEquals("unpack [##########          ]  50%", new ProgressLine("unpack", "vim", 1, 2).render(36, false));
    }

    @Test
    void colourPaintsOnlyTheFilledCellsAndNeverWithoutColour() {
        assertEquals("unpack [\033[32m#####\033[0m               ]  25% vim",
                new ProgressLine("unpack", "vim", 1, 4).render(80, true));
        assertEquals("unpack [                    ]   0% vim", new ProgressLine("unpack", "vim", 0, 4).render(80, true));
        assertFalse(new ProgressLine("unpack", "vim", 1, 4).render(80, false).contains("\033"));
    }

    @Test
    void columnsComeFromTheEnvironmentWithASaneDefault() {
        assertEquals(80, Output.columns(null));
        assertEquals(132, Output.columns(" 132 "));
        assertEquals(20, Output.columns("3"));
        assertEquals(80, Output.columns("wide"));
    }

    @Test
    void stderrIsATerminalWhenItIsAPtyOrTty() {
        assertTrue(Output.isTerminalDevice("/dev/pts/3"));
        assertTrue(Output.isTerminalDevice("/dev/tty1"));
        assertFalse(Output.isTerminalDevice("pipe:[123456]"));
        assertFalse(Output.isTerminalDevice("/tmp/build.log"));
        assertFalse(Output.isTerminalDevice("/dev/null"));
    }

    private static Settings settings(boolean json, boolean quiet, boolean noProgress) {
        return new Settings(Path.of("/r"), false, List.of(), null, json, quiet, false, false, false, 0,
                noProgress, null, false, false, Settings.DEFAULT_TIMEOUT_SECONDS, false, null);
    }

    @Test
    void theBarIsDrawnOnlyOnATerminalWithoutJsonQuietOrNoProgress() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("NO_COLOR", "1"));
        assertTrue(new Output(ctx, settings(false, false, false), true).showsProgress());
        assertFalse(new Output(ctx, settings(false, false, false), false).showsProgress());
        assertFalse(new Output(ctx, settings(true, false, false), true).showsProgress());
        assertFalse(new Output(ctx, settings(false, true, false), true).showsProgress());
        assertFalse(new Output(ctx, settings(false, false, true), true).showsProgress());
        CliContext dumb = new CliContext(System.out, System.err, Map.of("TERM", "dumb"));
        assertFalse(new Output(dumb, settings(false, false, false), true).showsProgress());

        Output o = new Output(ctx, settings(false, false, false), true);
        o.on(new EngineEvent.InstallProgress(EngineEvent.InstallPhase.UNPACK, "vim", 1, 2));
        o.on(new EngineEvent.InstallProgress(EngineEvent.InstallPhase.UNPACK, "vim", 1, 2));
        o.on(new EngineEvent.InstallProgress(EngineEvent.InstallPhase.PLACE, null, 2, 2));
        o.info("OK");
        assertEquals("\runpack [##########          ]  50% vim\033[K"
                + "\rplace  [####################] 100%\033[K"
                + "\r\033[KOK\n", err.toString(StandardCharsets.UTF_8), "an unchanged picture is not redrawn");
    }
}
