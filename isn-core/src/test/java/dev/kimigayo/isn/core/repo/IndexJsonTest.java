package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class IndexJsonTest {

    @Test
    void roundTripKeepsEveryField() throws Exception {
        RepoIndex index = IndexFixtures.index(42, Duration.ofDays(7));
        byte[] json = IndexJsonWriter.write(index);
        RepoIndex back = IndexJsonParser.parse(json, "test");
        assertEquals(index, back);
        assertArrayEquals(json, IndexJsonWriter.write(back));
    }

    @Test
    void canonicalLayout() throws Exception {
        String text = new String(IndexJsonWriter.write(IndexFixtures.index(7, Duration.ofDays(7))), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("{", lines.get(0));
        assertEquals("  \"format\": \"isn-index\",", lines.get(1));
        assertEquals("  \"format_version\": 1,", lines.get(2));
        assertEquals("  \"repository\": {\"name\":\"sample\",\"description\":\"Sample repository\"},", lines.get(3));
        assertEquals("  \"serial\": 7,", lines.get(4));
        assertEquals("  \"generated\": \"2026-11-27T08:30:00Z\",", lines.get(5));
        assertEquals("  \"expires\": \"2026-12-04T08:30:00Z\",", lines.get(6));
        assertEquals("  \"packages\": [", lines.get(7));
        // apk order: r2 before r10 (not string order), names sorted.
        assertTrue(lines.get(8).startsWith("    {\"name\":\"busybox\",\"version\":\"1.36.1-r2\","), lines.get(8));
        assertTrue(lines.get(9).startsWith("    {\"name\":\"busybox\",\"version\":\"1.36.1-r10\","), lines.get(9));
        assertTrue(lines.get(10).startsWith("    {\"name\":\"musl\""), lines.get(10));
        assertEquals("    {\"name\":\"vim\",\"version\":\"9.0.2127-r0\",\"architecture\":\"x86_64\","
                + "\"file\":\"vim-9.0.2127-r0.isn\",\"file_size\":1003,\"file_sha256\":\"" + "0".repeat(63) + "3\","
                + "\"description\":\"Improved vi-style \\\"text\\\" editor \\\\ ünïcode\",\"url\":\"https://www.vim.org/\","
                + "\"license\":\"Vim\",\"origin\":\"vim\",\"maintainer\":\"Sample <sample@kimigayo.invalid>\","
                + "\"build_date\":1767225600,\"size\":4096,\"sha256\":\"" + "ab".repeat(32) + "\","
                + "\"depends\":[\"vim-common=9.0.2127-r0\",\"so:libncursesw.so.6\",\"!nvi\"],"
                + "\"provides\":[\"cmd:vim=9.0.2127-r0\"],\"replaces\":[\"vim-tiny<9\"],\"config\":[\"etc/vim/vimrc\"],"
                + "\"pkginfo_unknown\":{\"x_future\":[\"a\",\"b\"]}}", lines.get(11));
        assertEquals("  ]", lines.get(12));
        assertEquals("}", lines.get(13));
        assertEquals(14, lines.size());
        assertTrue(text.endsWith("}\n") && !text.contains("\r"));
    }

    @Test
    void emptyIndexIsWrittenWithEmptyList() throws Exception {
        RepoIndex empty = new RepoIndex(1, new RepositoryInfo("empty", ""), 1, IndexFixtures.GENERATED,
                IndexFixtures.GENERATED.plusSeconds(60), List.of());
        String text = new String(IndexJsonWriter.write(empty), StandardCharsets.UTF_8);
        assertTrue(text.contains("  \"repository\": {\"name\":\"empty\"},\n"), text);
        assertTrue(text.endsWith("  \"packages\": []\n}\n"), text);
        assertEquals(empty, IndexJsonParser.parse(text.getBytes(StandardCharsets.UTF_8), "t"));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        String text = new String(IndexJsonWriter.write(IndexFixtures.index(3, Duration.ofDays(1))), StandardCharsets.UTF_8)
                .replace("\"serial\": 3,", "\"serial\": 3,\n  \"mirrors\": [{\"url\":\"x\"}],")
                .replace("\"name\":\"musl\",", "\"name\":\"musl\",\"future\":{\"a\":[1,2]},");
        RepoIndex back = IndexJsonParser.parse(text.getBytes(StandardCharsets.UTF_8), "t");
        assertEquals(IndexFixtures.index(3, Duration.ofDays(1)), back);
    }
}
