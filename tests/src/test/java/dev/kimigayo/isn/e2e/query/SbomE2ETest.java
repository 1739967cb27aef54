package dev.kimigayo.isn.e2e.query;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/**
 * {@code isn sbom} on a root installed from a signed repository served by nginx: both formats valid
 * against the official schemas, the package-file hashes equal to {@code sha256sum} of the files
 * nginx serves, the dependency edges, reproducibility, and a package without a recorded hash.
 */
class SbomE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIM_FILE = "vim-9.0.2127-r0.isn";

    @TempDir
    Path tmp;

    @Test
    void describesARootInstalledOverHttpInBothFormats() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            String url = nginx.baseUri().toString();
            Path root = tmp.resolve("root");
            isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", url, "add", "--no-scripts",
                    "vim").assertSuccess();
            SignedRepo.remember(root, url);
            String served = sha256sum(download(nginx.uri(VIM_FILE).toString(), tmp.resolve("served-" + VIM_FILE)));

            IsnProcess pinned = isn().withEnv("SOURCE_DATE_EPOCH", "1767225600");
            Path bomFile = tmp.resolve("root.cdx.json");
            pinned.runAt(root, "sbom", "--format", "cyclonedx", "-o", bomFile.toString()).assertSuccess();
            byte[] bomBytes = Files.readAllBytes(bomFile);
            assertEquals(List.of(), SbomSchemas.cyclonedx(bomBytes));
            JsonNode bom = JSON.readTree(bomBytes);
            assertEquals("2026-01-01T00:00:00Z", bom.at("/metadata/timestamp").asText());
            JsonNode vim = byName(bom.get("components"), "vim");
            assertEquals("9.0.2127-r0", vim.get("version").asText());
            assertEquals("SHA-256", vim.at("/hashes/0/alg").asText());
            assertEquals(served, vim.at("/hashes/0/content").asText(), "the hash of the file nginx serves");
            assertEquals("Vim", vim.at("/licenses/0/expression").asText());
            assertEquals(List.of("isn:arch=x86_64", "isn:origin=vim", "isn:repository=" + url, "isn:reason=explicit"),
                    properties(vim));
            String ncursesRef = byName(bom.get("components"), "ncurses-libs").get("bom-ref").asText();
            assertTrue(dependsOn(bom, vim.get("bom-ref").asText()).contains(ncursesRef),
                    "vim -> ncurses-libs (so:libncursesw.so.6): " + bom.get("dependencies"));
            assertEquals(List.of(), dependsOn(bom, byName(bom.get("components"), "musl").get("bom-ref").asText()));
            for (JsonNode c : bom.get("components")) {
                Path file = repo.repo.resolve(c.get("name").asText() + "-" + c.get("version").asText() + ".isn");
                assertEquals(sha256sum(file), c.at("/hashes/0/content").asText(), c.get("name").asText());
            }
            // The validator does fail: the same BOM with a malformed hash is rejected.
            ((ObjectNode) vim.at("/hashes/0")).put("content", "not-a-sha-256");
            assertFalse(SbomSchemas.cyclonedx(JSON.writeValueAsBytes(bom)).isEmpty());

            IsnResult spdx = pinned.runAt(root, "sbom", "--format", "spdx").assertSuccess();
            byte[] spdxBytes = spdx.stdout().getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), SbomSchemas.spdx(spdxBytes));
            JsonNode doc = JSON.readTree(spdxBytes);
            assertEquals("2026-01-01T00:00:00Z", doc.at("/creationInfo/created").asText());
            JsonNode vimPackage = byName(doc.get("packages"), "vim");
            assertEquals("SHA256", vimPackage.at("/checksums/0/algorithm").asText());
            assertEquals(served, vimPackage.at("/checksums/0/checksumValue").asText());
            assertTrue(relationships(doc).contains("SPDXRef-Package-vim DEPENDS_ON SPDXRef-Package-ncurses-libs"),
                    relationships(doc).toString());
            assertTrue(relationships(doc).contains("SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-vim"));
            assertEquals(bom.get("components").size(), doc.get("packages").size());

            // Same root, same SOURCE_DATE_EPOCH: the same bytes, stdout or file alike.
            assertArrayEquals(spdxBytes, pinned.runAt(root, "sbom", "--format", "spdx").assertSuccess().stdout()
                    .getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(bomBytes, pinned.runAt(root, "sbom", "--format", "cyclonedx").assertSuccess().stdout()
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPackageInstalledBeforeHashesWereRecordedHasNoneUntilReinstalled() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            String url = nginx.baseUri().toString();
            Path root = tmp.resolve("root");
            isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", url, "add", "--no-scripts",
                    "busybox").assertSuccess();
            SignedRepo.remember(root, url);
            // As a database migrated from schema 4 has it: the column exists, the value does not.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("var/lib/isn/isn.db"));
                 Statement st = c.createStatement()) {
                st.execute("UPDATE packages SET file_sha256 = NULL WHERE name = 'musl'");
            }
            Path out = tmp.resolve("bom.json");
            JsonNode report = JSON.readTree(isn().runAt(root, "sbom", "--json", "--format", "cyclonedx", "-o",
                    out.toString()).assertSuccess().stdout());
            assertEquals("[\"musl\"]", report.get("without_sha256").toString());
            byte[] bom = Files.readAllBytes(out);
            assertEquals(List.of(), SbomSchemas.cyclonedx(bom));
            assertFalse(byName(JSON.readTree(bom).get("components"), "musl").has("hashes"), "absent, not wrong");
            assertTrue(byName(JSON.readTree(bom).get("components"), "busybox").has("hashes"));

            isn().runAt(root, "fix", "musl").assertSuccess();
            JsonNode after = JSON.readTree(isn().runAt(root, "sbom", "--format", "cyclonedx").assertSuccess().stdout());
            assertEquals(sha256sum(repo.repo.resolve("musl-1.2.5-r0.isn")),
                    byName(after.get("components"), "musl").at("/hashes/0/content").asText(),
                    "a reinstall records the hash");
        }
    }

    private static Path download(String uri, Path to) throws Exception {
        HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofFile(to));
        assertEquals(200, r.statusCode(), uri);
        return to;
    }

    /** What coreutils' sha256sum prints for {@code file}. */
    private static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out.substring(0, 64);
    }

    private static JsonNode byName(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    private static List<String> properties(JsonNode component) {
        List<String> out = new ArrayList<>();
        component.get("properties").forEach(p -> out.add(p.get("name").asText() + "=" + p.get("value").asText()));
        return out;
    }

    private static List<String> dependsOn(JsonNode bom, String ref) {
        for (JsonNode d : bom.get("dependencies")) {
            if (d.get("ref").asText().equals(ref)) {
                List<String> out = new ArrayList<>();
                d.get("dependsOn").forEach(n -> out.add(n.asText()));
                return out;
            }
        }
        throw new AssertionError("no dependencies entry for " + ref);
    }

    private static List<String> relationships(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("relationships").forEach(r -> out.add(r.get("spdxElementId").asText() + " "
                + r.get("relationshipType").asText() + " " + r.get("relatedSpdxElement").asText()));
        return out;
    }
}
