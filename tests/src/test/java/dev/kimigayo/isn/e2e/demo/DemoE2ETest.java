package dev.kimigayo.isn.e2e.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.harness.IsnProcess;

/**
 * The README's demo ({@code packaging/demo.sh}, with the launcher as built) reads cleanly: no
 * terminal control codes, no warnings in the normal case, and the skipped package scripts of an
 * unprivileged root said once, as a note that says how to run them.
 */
class DemoE2ETest {

    @Test
    void demoPrintsNoStrayCodesAndNoWarnings(@TempDir Path dir) throws Exception {
        Path top = IsnProcess.projectRoot();
        Path log = dir.resolve("demo.log");
        ProcessBuilder pb = new ProcessBuilder("bash", top.resolve("packaging/demo.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("ISN_DEMO_SKIP_BUILD", "1");
        pb.environment().put("ISN_DEMO_DIR", dir.resolve("demo").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "demo.sh finishes");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("\u001b"), "no terminal control codes:\n" + out);
        assertFalse(out.toLowerCase(java.util.Locale.ROOT).contains("warning"), "no warnings:\n" + out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("isn: note: package scripts were not run")).count(),
                out);
        assertTrue(out.contains("or add --no-scripts to skip them without this note"), out);
        assertTrue(Files.exists(dir.resolve("demo/root/usr/bin/vim")), out);
    }
}
