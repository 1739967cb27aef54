package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged launcher {@code <projectRoot>/packaging/bin/isn} as a real process: an
 * immutable description (environment, working directory, stdin, timeout) that {@link #run}s or
 * {@link #start}s a command line. The environment starts as this JVM's, minus proxy variables
 * (so a CI proxy cannot capture 127.0.0.1 traffic), with {@code ISN_JAVA} set to this JVM.
 */
public final class IsnProcess {

    private static final List<String> PROXY_VARIABLES = List.of(
            "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY");

    private final Map<String, String> env;
    private final Path workingDir;
    private final Duration timeout;
    private final String stdin;

    private IsnProcess(Map<String, String> env, Path workingDir, Duration timeout, String stdin) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
        this.timeout = timeout;
        this.stdin = stdin;
    }

    /** The default: inherited environment without proxies, project root as working dir, 60 s timeout. */
    public static IsnProcess isn() {
        Map<String, String> env = new HashMap<>(System.getenv());
        PROXY_VARIABLES.forEach(env::remove);
        env.putIfAbsent("ISN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new IsnProcess(env, projectRoot(), Duration.ofSeconds(60), "");
    }

    /** The project root: system property {@code isn.projectRoot}, else the nearest parent holding packaging/bin/isn. */
    public static Path projectRoot() {
        String configured = System.getProperty("isn.projectRoot");
        if (configured != null && Files.isRegularFile(Path.of(configured, "packaging", "bin", "isn"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("packaging/bin/isn"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find packaging/bin/isn: set -Disn.projectRoot=DIR");
    }

    /** The launcher this runs. */
    public static Path launcher() {
        return projectRoot().resolve("packaging/bin/isn");
    }

    /** A copy with one environment variable set ({@code null} removes it). */
    public IsnProcess withEnv(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new IsnProcess(copy, workingDir, timeout, stdin);
    }

    /** A copy running in {@code dir}. */
    public IsnProcess withWorkingDir(Path dir) {
        return new IsnProcess(env, dir, timeout, stdin);
    }

    /** A copy that kills the process and fails after {@code limit}. */
    public IsnProcess withTimeout(Duration limit) {
        return new IsnProcess(env, workingDir, limit, stdin);
    }

    /** A copy feeding {@code text} (UTF-8) on standard input. */
    public IsnProcess withStdin(String text) {
        return new IsnProcess(env, workingDir, timeout, text);
    }

    /** Runs {@code isn args…} to completion and returns its exit code and output. */
    public IsnResult run(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    /** Runs {@code isn --root ROOT args…} to completion. */
    public IsnResult runAt(java.nio.file.Path root, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--root", root.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Starts {@code isn args…} without waiting, e.g. to kill it mid-way or run two at once. */
    public RunningIsn start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return RunningIsn.start(command, env, workingDir, stdin, timeout);
    }
}
