package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (signify, minisign, gpg) from a test; finds it on PATH or answers empty. */
record Tool(Path binary) {

    /** The result of one run. */
    record Run(int exit, String out) {
    }

    static Optional<Tool> find(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String d : path.split(":")) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(new Tool(p));
                }
            }
        }
        return Optional.empty();
    }

    Run run(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(binary + " timed out");
        }
        return new Run(p.exitValue(), out);
    }

    Run run(Path cwd, String... args) throws IOException, InterruptedException {
        return run(cwd, Map.of(), args);
    }
}
