package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.ArchFile;
import dev.kimigayo.isn.core.config.RepositoriesFile;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.fetch.FetchSettings;
import dev.kimigayo.isn.core.fetch.ProxySettings;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;

/** Turns the command line and the environment into the engine's settings; the core never reads either. */
final class EngineSetup {

    private EngineSetup() {
    }

    /** {@code --timeout}: one limit for connecting and for each wait on data, as apk's {@code --timeout}. */
    static Duration timeout(Settings s) throws IsnException {
        if (s.timeoutSeconds() <= 0) {
            throw new CliException("bad-timeout", IsnException.Kind.USAGE, "--timeout must be a positive number of"
                    + " seconds, not " + s.timeoutSeconds() + " (a stalled download is abandoned after that long)");
        }
        return Duration.ofSeconds(s.timeoutSeconds());
    }

    /** {@code --wait}: zero (do not wait) or a number of seconds. */
    static Duration lockWait(Settings s) throws IsnException {
        if (s.waitSeconds() < 0) {
            throw new CliException("bad-wait", IsnException.Kind.USAGE, "--wait must be 0 (do not wait) or a"
                    + " positive number of seconds to wait for another isn to finish, not " + s.waitSeconds());
        }
        return Duration.ofSeconds(s.waitSeconds());
    }

    /**
     * The architecture of the packages to take: {@code --arch}, else the root's {@code etc/isn/arch},
     * else this machine's. Scripts of another architecture cannot run here, so they are off then.
     */
    static String arch(Settings s) throws IsnException {
        Path file = s.layout().configDir().resolve("arch");
        if (s.arch() != null) {
            return ArchFile.check(s.arch(), Path.of("--arch"));
        }
        try {
            return ArchFile.read(file).orElse(EngineSettings.machineArch());
        } catch (IOException e) {
            throw new FilesystemException("cannot read " + file, e);
        }
    }

    /** The engine settings of this run, reporting to {@code output}. */
    static EngineSettings of(CliContext context, Settings s, Output output, String commandLine) throws IsnException {
        List<RepositoryEntry> extra = new ArrayList<>();
        for (String r : s.repositories()) {
            extra.add(RepositoriesFile.parseArgument(r));
        }
        FetchSettings fetch = FetchSettings.defaults().withProxy(ProxySettings.fromEnvironment(context.env()))
                .withTimeouts(timeout(s), timeout(s)).withOffline(s.noNetwork());
        String arch = arch(s);
        // The engine polls the flag (through output) from here on: a signal stops it cleanly.
        context.interruption().guard();
        if (s.allowUntrusted()) {
            output.warn("--allow-untrusted: signatures that cannot be checked are accepted; "
                    + "only use this for packages you built yourself");
        }
        return new EngineSettings(s.layout(), s.initdb(), s.durability(), lockWait(s),
                s.trustedKeys(), extra, s.allowUntrusted(), s.noCache(), arch.equals(EngineSettings.machineArch()), arch,
                fetch,
                Clock.systemUTC(), System.getProperty("user.name"), commandLine, output,
                FaultInjection.from(context));
    }
}
