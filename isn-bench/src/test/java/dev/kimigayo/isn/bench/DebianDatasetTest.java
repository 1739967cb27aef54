package dev.kimigayo.isn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kimigayo.isn.core.solver.SolverPackage;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block-parallel loader keeps every line, in file order, across block boundaries. */
class DebianDatasetTest {

    @Test
    void linesSplitAcrossBlocksAreAllReadInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.jsonl.gz");
        int count = 40_000; // about 3 MB of JSON: several 1 MiB blocks, lines cut at their edges
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file));
                Writer w = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                w.write("{\"name\":\"p" + i + "\",\"version\":\"" + (i % 7 + 1) + "\",\"architecture\":\"x86_64\","
                        + "\"description\":\"padding padding padding\",\"depends\":[\"p" + (i / 2) + ">=1\"],"
                        + "\"provides\":[\"virt" + (i % 3) + "\"],\"conflicts\":[\"!q" + i + "\"]}\n");
            }
        }
        assertTrue(Files.size(file) > 0);
        List<SolverPackage> pkgs = DebianDataset.load(file);
        assertEquals(count, pkgs.size());
        for (int i = 0; i < count; i++) {
            SolverPackage p = pkgs.get(i);
            assertEquals("p" + i, p.name());
            assertEquals(String.valueOf(i % 7 + 1), p.version());
            assertEquals("p" + (i / 2) + ">=1", p.depends().get(0).toString());
            assertEquals("!q" + i, p.depends().get(1).toString());
            assertEquals("virt" + (i % 3), p.provides().get(0).name());
        }
        // Equal texts parsed by the same parser thread share one object.
        assertSame(pkgs.get(0).arch(), pkgs.get(1).arch());
    }
}
