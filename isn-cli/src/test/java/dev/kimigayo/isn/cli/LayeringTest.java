package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The front end talks to the core only: database rows are the core's business, so that the
 * schema can change without the CLI, and the CLI cannot bypass the core's checks.
 */
class LayeringTest {

    @Test
    void noMainSourceUsesTheDatabaseModule() throws IOException {
        Path src = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("isn-cli/src/main/java");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(src)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 20, "the CLI's sources were not found under " + src);
        List<String> offenders = sources.stream().filter(LayeringTest::mentionsDatabase)
                .map(p -> src.relativize(p).toString()).sorted().toList();
        assertEquals(List.of(), offenders, "isn-cli must use core types, not dev.kimigayo.isn.db");
    }

    private static boolean mentionsDatabase(Path file) {
        try {
            return Files.readString(file).contains("dev.kimigayo.isn.db.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
