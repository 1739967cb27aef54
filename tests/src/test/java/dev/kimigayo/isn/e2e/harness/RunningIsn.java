package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An {@code isn} process started by {@link IsnProcess#start}: await it or kill it. */
public final class RunningIsn {

    private final List<String> command;
    private final Process process;
    private final Path outputDir;
    private final Duration timeout;
    private final long startNanos;
    private IsnResult result;

    private RunningIsn(List<String> command, Process process, Path outputDir, Duration timeout, long startNanos) {
        this.command = List.copyOf(command);
        this.process = process;
        this.outputDir = outputDir;
        this.timeout = timeout;
        this.startNanos = startNanos;
    }

    static RunningIsn start(List<String> command, Map<String, String> env, Path dir, String stdin, Duration timeout)
            throws IOException {
        // Output goes to files, not pipes, so a chatty process can never block on a full pipe.
        Path outputDir = Files.createTempDirectory("isn-run-");
        Path in = Files.writeString(outputDir.resolve("stdin"), stdin, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(in.toFile())
                .redirectOutput(outputDir.resolve("stdout").toFile())
                .redirectError(outputDir.resolve("stderr").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        return new RunningIsn(command, pb.start(), outputDir, timeout, start);
    }

    /** The operating-system process id (e.g. to check who holds a lock). */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The standard error written so far, e.g. to wait for a progress line before killing. */
    public String stderrSoFar() throws IOException {
        return Files.readString(outputDir.resolve("stderr"), StandardCharsets.UTF_8);
    }

    /** Kills the process and its children with SIGKILL, the way a crash or power cut would stop it. */
    public IsnResult kill() throws IOException, InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        return result();
    }

    /** Waits for the process to exit; kills it and fails with its output if the timeout passes. */
    public IsnResult await() throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            IsnResult killed = kill();
            throw new AssertionError("isn did not finish within " + timeout + ": " + killed.describe());
        }
        return result();
    }

    private synchronized IsnResult result() throws IOException {
        if (result != null) {
            return result;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        String out = Files.readString(outputDir.resolve("stdout"), StandardCharsets.UTF_8);
        String err = Files.readString(outputDir.resolve("stderr"), StandardCharsets.UTF_8);
        TempDirs.deleteRecursively(outputDir);
        result = new IsnResult(command, process.exitValue(), out, err, elapsed);
        return result;
    }
}
