package dev.kimigayo.isn.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Mirrors in etc/isn/repositories and -X: several URLs on one line; a trailing comment. */
class RepositoryMirrorsTest {

    private static final Path SRC = Path.of("etc/isn/repositories");

    @Test
    void severalUrlsOnALineAreMirrorsOfTheFirstAndATrailingCommentIsDropped() throws Exception {
        List<RepositoryEntry> entries = RepositoriesFile.parse(
                "@edge https://a.example/edge   http://b.example/edge\thttps://c.example/edge # three mirrors\n"
                + "https://d.example/main #one\n", SRC);
        RepositoryEntry edge = entries.get(0);
        assertEquals(Optional.of("edge"), edge.tag());
        assertEquals(URI.create("https://a.example/edge"), edge.uri());
        assertEquals(List.of(URI.create("http://b.example/edge"), URI.create("https://c.example/edge")), edge.mirrors());
        assertEquals("@edge https://a.example/edge http://b.example/edge https://c.example/edge", edge.toLine());
        assertEquals(RepositoryEntry.of(URI.create("https://d.example/main")), entries.get(1));
        assertEquals(edge, RepositoriesFile.parseArgument(
                "@edge https://a.example/edge http://b.example/edge https://c.example/edge"));
    }

    @Test
    void aLocalFolderHasNoMirrors() {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> RepositoriesFile.parse("/srv/repo https://a.example/r\n", SRC));
        assertEquals("etc/isn/repositories:1: mirrors are for http(s) repositories only: 'https://a.example/r' "
                + "cannot mirror '/srv/repo'; put a local folder on a line of its own", e.getMessage());
    }
}
