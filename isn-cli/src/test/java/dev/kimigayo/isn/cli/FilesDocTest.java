package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kimigayo.isn.core.config.RepositoriesFile;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.version.Constraint;

/** The examples of docs/files.md are what isn really reads. */
class FilesDocTest {

    private static String block(String doc, String heading) {
        int at = doc.indexOf("```text", doc.indexOf(heading)) + "```text\n".length();
        return doc.substring(at, doc.indexOf("```", at));
    }

    @Test
    void examplesParse() throws Exception {
        Path file = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("docs/files.md");
        String doc = Files.readString(file);
        List<RepositoryEntry> repos = RepositoriesFile.parse(block(doc, "## `etc/isn/repositories`"), file);
        assertEquals(3, repos.size());
        assertEquals("file:///srv/isn/local", repos.get(1).uri().toString().replace("file:/srv", "file:///srv"));
        assertEquals("edge", repos.get(2).tag().orElseThrow());
        for (String line : block(doc, "## `etc/isn/world`").strip().split("\n")) {
            assertEquals(line, Constraint.parse(line).toString());
        }
    }
}
