package dev.kimigayo.isn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The options every package-management command accepts, before or after the command name
 * ({@code isn --root R install vim} or {@code isn install --root R vim}): a mixin on
 * {@code isn} and on each such command, merged by {@link #merge}.
 */
public final class GlobalOptions {

    @Option(names = "--root", paramLabel = "DIR", description = "Operate on the system under DIR (default /).")
    Path root;

    @Option(names = "--initdb", description = "Create the isn layout and database under the root.")
    boolean initdb;

    @Option(names = {"-X", "--repository"}, paramLabel = "URL",
            description = "Use this repository too, for this command only (repeatable; \"URL MIRROR...\" for mirrors).")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--keys-dir", paramLabel = "DIR", description = "Trusted keys (default ROOT/etc/isn/keys).")
    Path keysDir;

    @Option(names = "--json", description = "Print one JSON document on stdout (schema: docs/json.md).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail.")
    boolean verbose;

    @Option(names = {"-y", "--yes"}, description = "Assume yes to questions (the default unless --interactive).")
    boolean yes;

    @Option(names = {"-i", "--interactive"}, description = "Ask before changing anything (on a terminal).")
    boolean interactive;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "Wait this long for another isn to finish.")
    Integer waitSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up on a connection, or a download that sends nothing, after this long (default 30).")
    Integer timeoutSeconds;

    @Option(names = "--no-progress", description = "No progress bars, even on a terminal.")
    boolean noProgress;

    @Option(names = "--sync", negatable = true,
            description = "fsync before and after renames (default on for root /, off otherwise).")
    Boolean sync;

    @Option(names = "--allow-untrusted", description = "Accept unsigned or untrusted indexes and packages (loud).")
    boolean allowUntrusted;

    @Option(names = "--no-cache", description = "Keep no index or package cache under the root.")
    boolean noCache;

    @Option(names = "--no-network", description = "Fetch nothing: use the cached indexes and packages only.")
    boolean noNetwork;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Install packages of this architecture (default: ROOT/etc/isn/arch, else this machine's).")
    String arch;

    /** The effective settings: options after the command name win over those before it. */
    static Settings merge(GlobalOptions before, GlobalOptions after) {
        GlobalOptions a = after == null ? new GlobalOptions() : after;
        GlobalOptions b = before == null ? new GlobalOptions() : before;
        List<String> repos = new ArrayList<>(b.repositories);
        repos.addAll(a.repositories);
        Path root = a.root != null ? a.root : b.root != null ? b.root : Path.of("/");
        return new Settings(root, a.initdb || b.initdb, List.copyOf(repos),
                a.keysDir != null ? a.keysDir : b.keysDir,
                a.json || b.json, a.quiet || b.quiet, a.verbose || b.verbose, a.yes || b.yes,
                a.interactive || b.interactive,
                a.waitSeconds != null ? a.waitSeconds : b.waitSeconds != null ? b.waitSeconds : 0,
                a.noProgress || b.noProgress,
                a.sync != null ? a.sync : b.sync,
                a.allowUntrusted || b.allowUntrusted, a.noCache || b.noCache,
                a.timeoutSeconds != null ? a.timeoutSeconds
                        : b.timeoutSeconds != null ? b.timeoutSeconds : Settings.DEFAULT_TIMEOUT_SECONDS,
                a.noNetwork || b.noNetwork, a.arch != null ? a.arch : b.arch);
    }
}
