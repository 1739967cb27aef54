package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** isn help COMMAND, and a command's help: its own options first, the global ones named after. */
class HelpTest {

    private final Cli cli = new Cli();

    @Test
    void helpCommandPrintsThatCommandsHelp() {
        assertEquals(ExitCodes.OK, cli.run("help", "install"));
        assertTrue(cli.out.startsWith("Usage: isn install "), cli.out);
        assertTrue(cli.out.contains("-t, --virtual=NAME"), cli.out);
        String direct = cli.out;
        assertEquals(ExitCodes.OK, cli.run("install", "--help"));
        assertEquals(direct, cli.out, "isn help install == isn install --help");
        assertEquals(ExitCodes.OK, cli.run("help", "del"));
        assertTrue(cli.out.startsWith("Usage: isn remove "), cli.out);
        assertEquals(ExitCodes.OK, cli.run("help"));
        assertTrue(cli.out.startsWith("Usage: isn "), cli.out);
        assertTrue(cli.out.contains("Exit codes:"), cli.out);
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli.run("help", "instal"));
        assertTrue(cli.err.startsWith("isn: error: unknown command 'instal'; did you mean 'install'?"), cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void aCommandsHelpShowsItsOwnOptionsThenNamesTheGlobalOnes() {
        assertEquals(ExitCodes.OK, cli.run("install", "--help"));
        String help = cli.out;
        String firstLine = help.lines().findFirst().orElseThrow();
        assertFalse(firstLine.contains("--root"), "the synopsis lists the command's own options: " + firstLine);
        int own = help.indexOf("--no-scripts");
        int global = help.indexOf("Global options (before or after the command name; 'isn --help' describes them):");
        assertTrue(own > 0 && global > own, help);
        assertTrue(help.substring(global).contains("--root=DIR"), help);
        assertTrue(help.substring(global).contains("-X/--repository=URL"), help);
        assertFalse(help.contains("Operate on the system under DIR"), "global options are not described again: " + help);
        assertTrue(help.contains("Prefer the newest versions."), help);

        assertEquals(ExitCodes.OK, cli.run("--help"));
        assertTrue(cli.out.contains("Operate on the system under DIR"), "isn --help still describes them: " + cli.out);
        assertFalse(cli.out.contains("Global options (before"), cli.out);
    }
}
