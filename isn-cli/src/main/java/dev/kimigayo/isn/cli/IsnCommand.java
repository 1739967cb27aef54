package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code isn} command: holds the context and lists the subcommands. */
@Command(name = "isn",
        mixinStandardHelpOptions = true,
        versionProvider = IsnCommand.BuildVersion.class,
        description = "The package manager of Kimigayo OS.",
        footer = ExitCodes.HELP_FOOTER)
public final class IsnCommand implements Callable<Integer> {

    /**
     * Every subcommand, in the order help lists them. Not in {@code @Command(subcommands)}:
     * building the model of all of them costs more start-up time than most commands take to run,
     * so {@link Main} registers only the one a command line names (see {@link Commands}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            VersionCommand.class,
            KeygenCommand.class,
            PackCommand.class,
            IndexCommand.class,
            VerifyCommand.class,
            InstallCommand.class,
            RemoveCommand.class,
            UpgradeCommand.class,
            UpdateCommand.class,
            CacheCommand.class,
            FixCommand.class,
            AuditCommand.class,
            LockCommand.class,
            HistoryCommand.class,
            UndoCommand.class,
            InfoCommand.class,
            ListCommand.class,
            SearchCommand.class,
            OwnerCommand.class,
            FilesCommand.class,
            WhyCommand.class,
            PolicyCommand.class,
            DotCommand.class,
            MarkCommand.class,
            CheckCommand.class,
            SbomCommand.class,
            HelpCommand.class,
            CompletionCommand.class);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globalOptions;

    IsnCommand(CliContext context) {
        this.context = context;
    }

    /** The streams and environment of this run. */
    public CliContext context() {
        return context;
    }

    /** The global options given before the command name. */
    GlobalOptions globalOptions() {
        return globalOptions;
    }

    @Override
    public Integer call() {
        if (globalOptions.json) {
            UsageErrors.report(context, spec.commandLine(), UsageErrors.usage("missing-command",
                    "no command given: name one, such as 'isn install PKG' (the list: 'isn help')"), true);
            return ExitCodes.USAGE;
        }
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }

    /** {@code isn --version}: the build's version and git commit (build.properties), and the JVM running it. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = IsnCommand.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // a broken jar still says which JVM it runs on
            }
            String version = known(build.getProperty("version"), "(development build)");
            String commit = known(build.getProperty("commit"), "unknown (not built from a git checkout)");
            return new String[] {"isn " + version, "commit: " + commit,
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("java.home")};
        }

        /** The filtered value, or {@code otherwise} when the build left the placeholder or nothing. */
        private static String known(String value, String otherwise) {
            return value == null || value.isBlank() || value.startsWith("${") ? otherwise : value.trim();
        }
    }
}
