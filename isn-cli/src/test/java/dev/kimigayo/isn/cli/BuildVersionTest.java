package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code isn --version} names the build's version and commit and the JVM, never a build placeholder. */
class BuildVersionTest {

    @Test
    void versionNamesTheBuildTheCommitAndTheJvm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), err, Map.of(), "--version"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[0].matches("isn \\d+\\.\\d+\\.\\d+\\S*"), lines[0]);
        // Built from this git checkout by Maven: a hash, maybe -dirty; elsewhere the text says why not.
        assertTrue(lines[1].matches("commit: ([0-9a-f]{12}(-dirty)?|unknown \\(not built from a git checkout\\))"),
                lines[1]);
        assertTrue(lines[2].startsWith("JVM: ") && lines[2].contains(System.getProperty("java.runtime.version")),
                lines[2]);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("${"));
    }
}
