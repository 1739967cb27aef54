package dev.kimigayo.isn.core.pkginfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The bundled sample repository's PKGINFO sources obey the format and survive a canonical rewrite. */
class SampleRepositoryPkgInfoTest {

    @Test
    void everySamplePkgInfoReadsAndRoundTrips() throws Exception {
        String root = System.getProperty("isn.projectRoot");
        dev.kimigayo.isn.core.Needs.present(root != null, "system property isn.projectRoot is not set; skipping");
        Path repo = Path.of(root, "packaging", "sample-repo");
        dev.kimigayo.isn.core.Needs.present(Files.isDirectory(repo), "no sample repository at " + repo + "; skipping");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(repo)) {
            walk.filter(p -> p.getFileName().toString().equals("PKGINFO")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 5, "expected the sample packages, found " + files);
        for (Path file : files) {
            PkgInfo info = PkgInfoReader.parse(read(file), file.toString());
            assertEquals(file.getParent().getFileName().toString(), info.name(), file.toString());
            byte[] canonical = PkgInfoWriter.write(info);
            assertEquals(info, PkgInfoReader.parse(canonical, "canonical " + file));
            assertArrayEquals(canonical, PkgInfoWriter.write(PkgInfoReader.parse(canonical, "again")));
        }
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
