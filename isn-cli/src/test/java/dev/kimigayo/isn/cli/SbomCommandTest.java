package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kimigayo.isn.crypto.Sha256;

/** {@code isn sbom} in-process: both formats of a real root, SOURCE_DATE_EPOCH, -o, --json and usage errors. */
class SbomCommandTest {

    @TempDir
    Path dir;

    @Test
    void describesTheRootInBothFormats() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--no-scripts", "vim"), s.cli.err);

        assertEquals(0, s.bare("sbom", "--format", "cyclonedx"), s.cli.err);
        JsonNode bom = JsonReport.mapper().readTree(s.cli.out);
        assertEquals("CycloneDX", bom.get("bomFormat").asText());
        JsonNode vim = component(bom, "vim");
        assertEquals(Sha256.ofFile(s.repo.resolve("vim-9.0.2127-r0.isn")), vim.at("/hashes/0/content").asText());
        String ncurses = component(bom, "ncurses-libs").get("bom-ref").asText();
        JsonNode deps = null;
        for (JsonNode d : bom.get("dependencies")) {
            if (d.get("ref").equals(vim.get("bom-ref"))) {
                deps = d.get("dependsOn");
            }
        }
        assertTrue(deps != null && deps.toString().contains(ncurses), String.valueOf(deps));

        assertEquals(0, s.bare("sbom", "--format", "SPDX"), s.cli.err);
        JsonNode spdx = JsonReport.mapper().readTree(s.cli.out);
        assertEquals("SPDX-2.3", spdx.get("spdxVersion").asText());
        assertTrue(spdx.get("relationships").toString().contains("{\"spdxElementId\":\"SPDXRef-Package-vim\","
                + "\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-Package-ncurses-libs\"}"));
    }

    @Test
    void sourceDateEpochMakesTheOutputReproducibleAndOutputWritesAFile() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--no-scripts", "busybox"), s.cli.err);
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000");
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, run(env, s, "sbom", "--format", "cyclonedx", "-o", a.toString()));
        assertEquals(0, run(env, s, "sbom", "--format", "cyclonedx", "--output", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals("2023-11-14T22:13:20Z", JsonReport.mapper().readTree(a.toFile()).at("/metadata/timestamp").asText());
        assertEquals(2, run(Map.of("SOURCE_DATE_EPOCH", "yesterday"), s, "sbom", "--format", "spdx"));
    }

    @Test
    void jsonReportsAndNeedsAFileForTheSbom() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--no-scripts", "busybox"), s.cli.err);
        Path out = dir.resolve("root.spdx.json");
        assertEquals(0, s.bare("sbom", "--json", "--format", "spdx", "-o", out.toString()), s.cli.err);
        JsonNode report = JsonReport.mapper().readTree(s.cli.out);
        assertEquals("sbom", report.get("command").asText());
        assertEquals("spdx", report.get("format").asText());
        assertEquals(2, report.get("packages").asInt(), s.cli.out); // busybox and musl
        assertEquals("[]", report.get("without_sha256").toString());
        assertTrue(Files.readString(out).contains("\"spdxVersion\" : \"SPDX-2.3\""));

        assertEquals(2, s.bare("sbom", "--json", "--format", "spdx"));
        assertEquals("sbom-needs-output", JsonReport.mapper().readTree(s.cli.out).at("/error/code").asText());
        assertEquals(2, s.bare("sbom", "--format", "xml"));
        assertTrue(s.cli.err.contains("cyclonedx or spdx"), s.cli.err);
        assertEquals(2, s.bare("sbom"));
    }

    private static int run(Map<String, String> env, SampleRoot s, String... args) {
        List<String> all = new ArrayList<>(List.of("--root", s.root.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        return Main.run(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env, all.toArray(String[]::new));
    }

    private static JsonNode component(JsonNode bom, String name) {
        for (JsonNode c : bom.get("components")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name);
    }
}
