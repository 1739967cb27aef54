package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The model generated at build time (GeneratedCommandModels) is the one picocli reads from the
 * annotations: same help for every command (names, labels, arity, descriptions, defaults), and
 * it parses into the command's fields.
 */
class CommandModelTest {
    private static final CliContext CONTEXT = new CliContext(System.out, System.err, Map.of());
    private final CommandModels models = CommandModels.load();

    private List<Class<?>> all() {
        List<Class<?>> all = new ArrayList<>();
        all.add(IsnCommand.class);
        all.addAll(IsnCommand.SUBCOMMANDS);
        return all;
    }

    private Object instance(Class<?> c) throws Exception {
        return c == IsnCommand.class ? new IsnCommand(CONTEXT) : CommandLine.defaultFactory().create(c);
    }

    @Test
    void everyCommandIsGeneratedWithTheHelpItsAnnotationsGive() throws Exception {
        for (Class<?> c : all()) {
            CommandSpec generated = models.specOf(c == IsnCommand.class ? instance(c) : models.create(c),
                    new IsnCommand(CONTEXT));
            assertNotNull(generated, c.getSimpleName() + " was not generated");
            String expected = new CommandLine(instance(c)).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertEquals(expected, new CommandLine(generated).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    c.getSimpleName());
            assertEquals(new CommandLine(instance(c)).getCommandSpec().aliases().length + 1,
                    models.namesOf(c).size(), c.getSimpleName());
        }
    }

    @Test
    void optionsBeforeAndAfterTheCommandReachTheFieldsTheyAreDeclaredOn() {
        InstallCommand install = (InstallCommand) models.create(InstallCommand.class);
        IsnCommand isn = new IsnCommand(CONTEXT);
        CommandLine cl = new CommandLine(models.specOf(isn, null));
        cl.addSubcommand(new CommandLine(models.specOf(install, isn)));
        cl.parseArgs("--root", "/r", "-X", "file:///a", "--sync", "--wait", "3", "add", "-t", ".deps", "-s",
                "--no-sync", "-X", "file:///b", "--json", "vim", "xxd>=1");
        Settings s = GlobalOptions.merge(isn.globalOptions(), install.options);
        assertEquals("/r", s.root().toString());
        assertEquals(List.of("file:///a", "file:///b"), s.repositories());
        assertEquals(Boolean.FALSE, s.sync());
        assertEquals(3, s.waitSeconds());
        assertEquals(true, s.json());
        assertEquals(List.of("vim", "xxd>=1"), install.packages);
        assertEquals(".deps", install.virtual);
        assertEquals(true, install.change.dryRun);
        assertEquals(install, cl.getSubcommands().get("add").getCommand());
        assertEquals(isn, install.parent);
    }

    @Test
    void anExclusiveGroupStillRefusesTwoOfItsOptions() {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        assertEquals(ExitCodes.USAGE, Main.run(quiet, quiet, Map.of(), "version", "-t", "-c", "1", "2"));
        assertEquals(ExitCodes.USAGE, Main.run(quiet, quiet, Map.of(), "list", "-I", "-O"));
        assertEquals(ExitCodes.USAGE, Main.run(quiet, quiet, Map.of(), "version", "1", "2"));
    }
}
