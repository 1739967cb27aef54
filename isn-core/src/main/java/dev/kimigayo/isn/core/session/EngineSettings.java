package dev.kimigayo.isn.core.session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.fetch.FetchSettings;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.Durability;
import dev.kimigayo.isn.core.txn.StepListener;

/**
 * Everything an engine operation needs to know about its environment, decided by the caller (the
 * CLI reads options and the environment; the core never does).
 *
 * @param layout          the root
 * @param initdb          create the layout and database when missing
 * @param durability      fsync policy (docs/transactions.md)
 * @param lockWait        how long to wait for another writer
 * @param keysDir         trusted public keys
 * @param extraRepos      repositories given on the command line, added to the repositories file
 * @param allowUntrusted  accept unsigned or unknown-key indexes and packages
 * @param noCache         keep no index or package cache under the root
 * @param scripts         run package scripts
 * @param arch            this machine's architecture ({@code x86_64})
 * @param fetch           download settings (timeouts, retries, proxies)
 * @param clock           the time source
 * @param user            who runs the command (recorded in the history)
 * @param commandLine     the command as typed (recorded in the history)
 * @param listener        progress and warnings
 * @param steps           transaction step hook (fault injection)
 */
public record EngineSettings(RootLayout layout, boolean initdb, Durability durability, Duration lockWait,
        Path keysDir, List<RepositoryEntry> extraRepos, boolean allowUntrusted, boolean noCache, boolean scripts,
        String arch, FetchSettings fetch, Clock clock, String user, String commandLine,
        EngineListener listener, StepListener steps) {

    /** Freezes the list. */
    public EngineSettings {
        extraRepos = List.copyOf(extraRepos);
    }

    /** Defaults for {@code root}: no sync, no wait, its own keys, scripts on, the JVM's architecture. */
    public static EngineSettings defaults(RootLayout root) {
        return new EngineSettings(root, false, Durability.NO_SYNC, Duration.ZERO, root.keysDir(), List.of(), false,
                false, true, machineArch(), FetchSettings.defaults(), Clock.systemUTC(),
                System.getProperty("user.name"), "isn", EngineListener.NONE, StepListener.NONE);
    }

    /** The package architecture of this JVM's machine. */
    public static String machineArch() {
        String arch = System.getProperty("os.arch", "");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    /** A copy with another listener. */
    public EngineSettings withListener(EngineListener l) {
        return new EngineSettings(layout, initdb, durability, lockWait, keysDir, extraRepos, allowUntrusted, noCache,
                scripts, arch, fetch, clock, user, commandLine, l, steps);
    }

    /** A copy with {@code --initdb} set or not. */
    public EngineSettings withInitdb(boolean v) {
        return new EngineSettings(layout, v, durability, lockWait, keysDir, extraRepos, allowUntrusted, noCache,
                scripts, arch, fetch, clock, user, commandLine, listener, steps);
    }

    /** A copy with other extra repositories. */
    public EngineSettings withExtraRepos(List<RepositoryEntry> v) {
        return new EngineSettings(layout, initdb, durability, lockWait, keysDir, v, allowUntrusted, noCache,
                scripts, arch, fetch, clock, user, commandLine, listener, steps);
    }

    /** A copy with scripts on or off. */
    public EngineSettings withScripts(boolean v) {
        return new EngineSettings(layout, initdb, durability, lockWait, keysDir, extraRepos, allowUntrusted, noCache,
                v, arch, fetch, clock, user, commandLine, listener, steps);
    }

    /** A copy trusting the keys in {@code v}. */
    public EngineSettings withKeysDir(Path v) {
        return new EngineSettings(layout, initdb, durability, lockWait, v, extraRepos, allowUntrusted, noCache,
                scripts, arch, fetch, clock, user, commandLine, listener, steps);
    }

    /** A copy with the step hook.*/
    public EngineSettings withSteps(StepListener v) {
        return new EngineSettings(layout, initdb, durability, lockWait, keysDir, extraRepos, allowUntrusted, noCache,
                scripts, arch, fetch, clock, user, commandLine, listener, v);
    }
}
