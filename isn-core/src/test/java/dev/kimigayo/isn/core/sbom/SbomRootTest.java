package dev.kimigayo.isn.core.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.plan.LibraryRepo;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.crypto.Sha256;

/** A root really installed from a signed repository, read back as an SBOM. */
class SbomRootTest {

    @TempDir
    Path dir;

    @Test
    void describesTheInstalledRootWithFileHashesAndEdges() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Path root = dir.resolve("root");
        EngineSettings settings = r.settings(root);
        Engine.run(settings, PackageRequest.of(SolveRequest.Operation.ADD, List.of("vim")));

        InstalledSet set = InstalledSet.read(settings);
        SbomPackage vim = set.packages().stream().filter(p -> p.name().equals("vim")).findFirst().orElseThrow();
        assertEquals("9.0.2127-r0", vim.version());
        assertEquals("x86_64", vim.arch());
        assertEquals("Vim", vim.license());
        assertEquals("vim", vim.origin());
        assertEquals(r.repo.toUri().toString(), vim.repository());
        assertTrue(vim.explicit());
        for (SbomPackage p : set.packages()) {
            assertEquals(Sha256.ofFile(r.repo.resolve(p.name() + "-" + p.version() + ".isn")), p.fileSha256(), p.name());
        }
        // Dependencies by name, by versioned name and through a provided shared library.
        Map<String, List<String>> deps = set.dependencies();
        assertEquals(List.of("musl", "ncurses-libs", "vim-common", "xxd"), deps.get("vim"));
        assertTrue(set.edges().contains(new SbomEdge("vim", "so:libncursesw.so.6", "ncurses-libs")), set.edges().toString());
        assertEquals(List.of(), deps.get("musl"));

        SbomRequest request = new SbomRequest(SbomFormat.CYCLONEDX, Instant.ofEpochSecond(1_700_000_000L), "test");
        byte[] bom = Sbom.of(settings, request);
        assertEquals(List.of(), Schemas.cyclonedx(bom));
        assertArrayEquals(bom, Sbom.of(settings, request), "the same root gives the same bytes");
        byte[] spdx = Sbom.of(settings, new SbomRequest(SbomFormat.SPDX, Instant.ofEpochSecond(1_700_000_000L), "test"));
        assertEquals(List.of(), Schemas.spdx(spdx));
    }
}
