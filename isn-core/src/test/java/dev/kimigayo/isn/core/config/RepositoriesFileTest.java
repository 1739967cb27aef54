package dev.kimigayo.isn.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.txn.Durability;

class RepositoriesFileTest {

    private static final Path SRC = Path.of("etc/isn/repositories");

    @Test
    void parsesSchemesTagsCommentsAndBarePaths() throws ConfigSyntaxException {
        List<RepositoryEntry> entries = RepositoriesFile.parse("""
                # main mirror
                https://dl.kimigayo.dev/v1/main

                @testing http://mirror.example/v1/testing
                  file:///srv/repo
                /opt/local-repo
                """, SRC);
        assertEquals(List.of(
                RepositoryEntry.of(URI.create("https://dl.kimigayo.dev/v1/main")),
                new RepositoryEntry(Optional.of("testing"), URI.create("http://mirror.example/v1/testing")),
                RepositoryEntry.of(URI.create("file:///srv/repo")),
                RepositoryEntry.of(URI.create("file:///opt/local-repo"))), entries);
    }

    @Test
    void refusesUnsupportedSchemeNamingTheLine() {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> RepositoriesFile.parse("https://ok.example/r\nftp://old.example/r\n", SRC));
        assertEquals(2, e.line());
        assertEquals("etc/isn/repositories:2: unsupported repository URL 'ftp://old.example/r': "
                + "use file://, http:// or https://", e.getMessage());
    }

    @Test
    void refusesTagWithoutUrlAndRelativeFileUrl() {
        assertEquals(1, assertThrows(ConfigSyntaxException.class, () -> RepositoriesFile.parse("@edge\n", SRC)).line());
        assertThrows(ConfigSyntaxException.class, () -> RepositoriesFile.parse("file:repo\n", SRC));
        assertThrows(ConfigSyntaxException.class, () -> RepositoriesFile.parse("http://a/ b\n", SRC));
    }

    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("etc/isn/repositories");
        List<RepositoryEntry> entries = List.of(RepositoryEntry.of(URI.create("file:///srv/repo")),
                new RepositoryEntry(Optional.of("edge"), URI.create("https://x.example/edge")));
        RepositoriesFile.write(file, entries, Durability.SYNC);
        assertEquals("file:///srv/repo\n@edge https://x.example/edge\n", Files.readString(file));
        assertEquals(entries, RepositoriesFile.read(file));
    }

    @Test
    void absentFileMeansNoRepositories(@TempDir Path dir) throws IOException, ConfigSyntaxException {
        assertEquals(List.of(), RepositoriesFile.read(dir.resolve("nope")));
    }
}
