package dev.kimigayo.isn.core.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Both formats from a hand-made set: valid against the official schemas, exact facts, reproducible. */
class SbomDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-12-06T01:02:03.456Z");
    private static final String HASH = "0123456789abcdef".repeat(4);

    /** Awkward on purpose: a '+' in a name, a licence that is no expression, no hash, a bad URL, no optional fields. */
    static InstalledSet sample() {
        List<SbomPackage> packages = List.of(
                new SbomPackage("vim", "9.0.2127-r0", "x86_64", "Vim", "vim", "Improved vi", "https://www.vim.org/",
                        "https://repo.example/main", HASH, true),
                new SbomPackage("ncurses-libs", "6.4_p20231125-r0", "x86_64", "X11", "ncurses", "Ncurses libraries",
                        "not a url", "https://repo.example/main", "ab".repeat(32), false),
                new SbomPackage("libstdc++", "13.2.1_git20231014-r0", "x86_64", "GPL-3.0-or-later WITH GCC-exception-3.1",
                        "gcc", null, null, "/tmp/libstdc++-13.2.1.isn", "cd".repeat(32), false),
                new SbomPackage("old", "1.0-r0", "noarch", "custom: see /usr/share/licenses/old", null, null, null,
                        null, null, false),
                new SbomPackage(".build-deps", "20261206.010203", "noarch", null, null, "virtual package", null, null,
                        null, true));
        List<SbomEdge> edges = List.of(
                new SbomEdge("vim", "so:libncursesw.so.6", "ncurses-libs"),
                new SbomEdge("vim", "libstdc++", "libstdc++"),
                new SbomEdge("vim", "libstdc++>=13", "libstdc++"),
                new SbomEdge(".build-deps", "old", "old"));
        return new InstalledSet(packages, edges);
    }

    private static byte[] write(InstalledSet set, SbomFormat f, Instant t) {
        return Sbom.write(set, new SbomRequest(f, t, "0.1.0"));
    }

    @Test
    void cyclonedxIsValidAndStatesEachFact() throws Exception {
        byte[] bom = write(sample(), SbomFormat.CYCLONEDX, T);
        assertEquals(List.of(), Schemas.cyclonedx(bom));
        JsonNode doc = JSON.readTree(bom);
        assertEquals("1.6", doc.get("specVersion").asText());
        assertEquals("2026-12-06T01:02:03Z", doc.at("/metadata/timestamp").asText());
        assertEquals(List.of(".build-deps", "libstdc++", "ncurses-libs", "old", "vim"), names(doc.get("components")));
        JsonNode vim = doc.get("components").get(4);
        assertEquals("pkg:isn/kimigayo/vim@9.0.2127-r0?arch=x86_64", vim.get("purl").asText());
        assertEquals(vim.get("purl"), vim.get("bom-ref"));
        assertEquals("SHA-256", vim.at("/hashes/0/alg").asText());
        assertEquals(HASH, vim.at("/hashes/0/content").asText());
        assertEquals("Vim", vim.at("/licenses/0/expression").asText());
        assertEquals("[{\"name\":\"isn:arch\",\"value\":\"x86_64\"},{\"name\":\"isn:origin\",\"value\":\"vim\"},"
                + "{\"name\":\"isn:repository\",\"value\":\"https://repo.example/main\"},"
                + "{\"name\":\"isn:reason\",\"value\":\"explicit\"}]", vim.get("properties").toString());
        JsonNode libstdcxx = doc.get("components").get(1);
        assertEquals("pkg:isn/kimigayo/libstdc%2B%2B@13.2.1_git20231014-r0?arch=x86_64", libstdcxx.get("purl").asText());
        JsonNode old = doc.get("components").get(3);
        assertFalse(old.has("hashes"), "no recorded file hash: no hash rather than a wrong one");
        assertEquals("custom: see /usr/share/licenses/old", old.at("/licenses/0/license/name").asText());
        assertFalse(doc.get("components").get(2).has("externalReferences"), "a malformed URL is left out");
        // One dependencies entry per component; two constraints met by one package give one edge.
        assertEquals(5, doc.get("dependencies").size());
        assertEquals("[\"pkg:isn/kimigayo/libstdc%2B%2B@13.2.1_git20231014-r0?arch=x86_64\","
                + "\"pkg:isn/kimigayo/ncurses-libs@6.4_p20231125-r0?arch=x86_64\"]",
                doc.at("/dependencies/4/dependsOn").toString());
        assertEquals("[]", doc.at("/dependencies/2/dependsOn").toString());
    }

    @Test
    void spdxIsValidAndStatesEachFact() throws Exception {
        byte[] spdx = write(sample(), SbomFormat.SPDX, T);
        assertEquals(List.of(), Schemas.spdx(spdx));
        JsonNode doc = JSON.readTree(spdx);
        assertEquals("SPDX-2.3", doc.get("spdxVersion").asText());
        assertEquals("2026-12-06T01:02:03Z", doc.at("/creationInfo/created").asText());
        assertEquals("Tool: isn-0.1.0", doc.at("/creationInfo/creators/0").asText());
        assertEquals(List.of(".build-deps", "libstdc++", "ncurses-libs", "old", "vim"), names(doc.get("packages")));
        JsonNode vim = doc.get("packages").get(4);
        assertEquals("SPDXRef-Package-vim", vim.get("SPDXID").asText());
        assertEquals("[{\"algorithm\":\"SHA256\",\"checksumValue\":\"" + HASH + "\"}]", vim.get("checksums").toString());
        assertEquals("Vim", vim.get("licenseDeclared").asText());
        assertEquals("built from origin vim; installed from https://repo.example/main", vim.get("sourceInfo").asText());
        assertEquals("pkg:isn/kimigayo/vim@9.0.2127-r0?arch=x86_64", vim.at("/externalRefs/0/referenceLocator").asText());
        assertEquals("SPDXRef-Package-libstdc-2B-2B", doc.at("/packages/1/SPDXID").asText());
        assertEquals("SPDXRef-Package-.build-deps", doc.at("/packages/0/SPDXID").asText());
        JsonNode old = doc.get("packages").get(3);
        assertEquals("NOASSERTION", old.get("licenseDeclared").asText());
        assertFalse(old.has("checksums"));
        List<String> deps = new ArrayList<>();
        for (JsonNode r : doc.get("relationships")) {
            if (r.get("relationshipType").asText().equals("DEPENDS_ON")) {
                deps.add(r.get("spdxElementId").asText() + " -> " + r.get("relatedSpdxElement").asText());
            }
        }
        assertEquals(List.of("SPDXRef-Package-.build-deps -> SPDXRef-Package-old",
                "SPDXRef-Package-vim -> SPDXRef-Package-libstdc-2B-2B",
                "SPDXRef-Package-vim -> SPDXRef-Package-ncurses-libs"), deps);
        assertEquals(5 + 3, doc.get("relationships").size(), "the document describes each package");
    }

    @ParameterizedTest
    @EnumSource(SbomFormat.class)
    void theSameSetGivesTheSameBytesWhateverTheOrderItWasReadIn(SbomFormat f) {
        InstalledSet a = sample();
        InstalledSet b = new InstalledSet(reversed(a.packages()), reversed(a.edges()));
        assertArrayEquals(write(a, f, T), write(b, f, T));
        byte[] later = write(a, f, T.plusSeconds(1));
        assertFalse(java.util.Arrays.equals(write(a, f, T), later));
        assertNotEquals(id(write(a, f, T), f), id(later, f), "another content, another serial/namespace");
        assertTrue(new String(later, StandardCharsets.UTF_8).endsWith("}\n"));
    }

    @ParameterizedTest
    @EnumSource(SbomFormat.class)
    void anEmptyRootIsAValidDocument(SbomFormat f) throws Exception {
        byte[] doc = write(new InstalledSet(List.of(), List.of()), f, T);
        assertEquals(List.of(), f == SbomFormat.CYCLONEDX ? Schemas.cyclonedx(doc) : Schemas.spdx(doc));
    }

    @Test
    void theValidatorsRejectWhatTheSchemasForbid() throws Exception {
        ObjectNode bom = (ObjectNode) JSON.readTree(write(sample(), SbomFormat.CYCLONEDX, T));
        ((ObjectNode) bom.at("/components/0")).put("type", "package");
        ((ObjectNode) bom.at("/components/4/hashes/0")).put("content", "not hex");
        assertEquals(2, Schemas.cyclonedx(JSON.writeValueAsBytes(bom)).size(), Schemas.cyclonedx(JSON.writeValueAsBytes(bom)).toString());
        ObjectNode spdx = (ObjectNode) JSON.readTree(write(sample(), SbomFormat.SPDX, T));
        ((ObjectNode) spdx.at("/packages/0")).remove("downloadLocation");
        ((ObjectNode) spdx.at("/packages/1")).put("SPDXID", "SPDXRef-Package-libstdc++");
        ((ObjectNode) spdx.at("/packages/4/checksums/0")).put("algorithm", "SHA-256");
        List<String> problems = Schemas.spdx(JSON.writeValueAsBytes(spdx));
        assertTrue(problems.size() >= 3, problems.toString());
    }

    @Test
    void licenceExpressionsAreRecognisedBySyntax() {
        for (String ok : List.of("MIT", "GPL-2.0-or-later AND (MIT OR Apache-2.0)", "GPL2+", "LicenseRef-isn-1",
                "GPL-2.0-only WITH Classpath-exception-2.0", "(MIT)", "custom")) {
            assertTrue(LicenseExpression.isValid(ok), ok);
        }
        for (String bad : List.of("", "custom:foo", "MIT AND", "(MIT", "MIT OR OR BSD", "AND",
                "Public Domain", "MIT/X11", "MIT WITH")) {
            assertFalse(LicenseExpression.isValid(bad), bad);
        }
    }

    private static String id(byte[] doc, SbomFormat f) {
        try {
            return JSON.readTree(doc).get(f == SbomFormat.CYCLONEDX ? "serialNumber" : "documentNamespace").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
