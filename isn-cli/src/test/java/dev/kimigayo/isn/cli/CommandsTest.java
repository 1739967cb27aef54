package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Only the named subcommand is built, yet help and errors still see every command. */
class CommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    private Set<String> registered(String... args) {
        return Commands.forArgs(context, args).getSubcommands().keySet();
    }

    @Test
    void aCommandLineBuildsOnlyItsCommandFoundPastGlobalOptionsWithValues() {
        assertEquals(Set.of("install", "add"), registered("--root", "install", "-X", "file:///r", "add", "vim"));
        assertEquals(Set.of("remove", "del"), registered("--wait", "3", "del", "vim"));
        assertEquals(Set.of("info"), registered("info", "--root", "/r", "vim"));
    }

    @Test
    void helpTyposAndBadGlobalOptionsGetEveryCommand() {
        int all = IsnCommand.SUBCOMMANDS.size();
        for (String[] args : new String[][] {{}, {"--help"}, {"--help", "install"}, {"instal", "vim"},
                {"--wait", "soon", "install"}, {"--no-such-option", "install"}}) {
            // Aliases add names: at least one per command.
            assertTrue(registered(args).size() >= all, String.join(" ", args));
        }
    }

    @Test
    void topLevelHelpStillListsEveryCommand() {
        assertEquals(0, Main.run(context.out(), context.err(), Map.of(), "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (Class<?> c : IsnCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertTrue(help.contains("  " + name), name + " missing from:\n" + help);
        }
    }

    @Test
    void aMistypedCommandIsAUsageErrorNamingIt() {
        assertEquals(ExitCodes.USAGE, Main.run(context.out(), context.err(), Map.of(), "instal", "vim"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("instal"), err.toString(StandardCharsets.UTF_8));
    }
}
