package dev.kimigayo.isn.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final String SHA = "a".repeat(64);

    private static Manifest sample() {
        ManifestEntry file = ManifestEntry.file("usr/bin/x", 0755, 12, SHA);
        return new Manifest(List.of(
                ManifestEntry.file(".INSTALL", 0644, 3, SHA),
                ManifestEntry.directory("usr", 0755),
                ManifestEntry.directory("usr/bin", 0755),
                file,
                ManifestEntry.symlink("usr/bin/y z", "x"),
                ManifestEntry.hardlink("usr/bin/z", file)));
    }

    @Test
    void encodesTheCanonicalText() {
        String text = new String(sample().encode(), StandardCharsets.UTF_8);
        assertEquals("isn-manifest 1\n"
                + "f\t0644\t0\t0\t3\t" + SHA + "\t.INSTALL\n"
                + "d\t0755\t0\t0\t0\t-\tusr\n"
                + "d\t0755\t0\t0\t0\t-\tusr/bin\n"
                + "f\t0755\t0\t0\t12\t" + SHA + "\tusr/bin/x\n"
                + "l\t0777\t0\t0\t0\t-\tusr/bin/y z\tx\n"
                + "h\t0755\t0\t0\t12\t" + SHA + "\tusr/bin/z\tusr/bin/x\n", text);
        assertEquals(12, sample().installedSize());
    }

    @Test
    void parsesWhatItEncodes() throws Exception {
        Manifest parsed = ManifestParser.parse(sample().encode(), "t.isn");
        assertEquals(sample().entries(), parsed.entries());
    }

    private static String refusal(String text) {
        return assertThrows(MalformedPackageException.class,
                () -> ManifestParser.parse(text.getBytes(StandardCharsets.UTF_8), "t.isn")).getMessage();
    }

    @Test
    void refusesNonCanonicalText() {
        assertTrue(refusal("isn-manifest 2\n").contains("line 1: first line must be 'isn-manifest 1'"));
        assertTrue(refusal("isn-manifest 1").contains("does not end with a newline"));
        assertTrue(refusal("isn-manifest 1\nd\t755\t0\t0\t0\t-\tusr\n").contains("line 2: mode must be four octal digits"));
        assertTrue(refusal("isn-manifest 1\nd\t0755\t00\t0\t0\t-\tusr\n").contains("uid must be a decimal number without leading zeros"));
        assertTrue(refusal("isn-manifest 1\nd\t0755\t0\t0\t0\t-\tb\nd\t0755\t0\t0\t0\t-\ta\n").contains("line 3: paths out of order: a after b"));
        assertTrue(refusal("isn-manifest 1\nd\t0755\t0\t0\t0\t-\ta\nd\t0755\t0\t0\t0\t-\ta\n").contains("duplicate path a"));
        assertTrue(refusal("isn-manifest 1\nf\t0644\t0\t0\t1\tABC\ta\n").contains("expected a lower-case hex SHA-256"));
        assertTrue(refusal("isn-manifest 1\nd\t0755\t0\t0\t0\t-\t../a\n").contains("path contains '..'"));
        assertTrue(refusal("isn-manifest 1\nd\t0755\t0\t0\t0\t-\t/a\n").contains("absolute path"));
        assertTrue(refusal("isn-manifest 1\nh\t0644\t0\t0\t1\t" + SHA + "\tb\ta\n").contains("hardlink b must point to a regular file listed before it"));
        assertTrue(refusal("isn-manifest 1\nl\t0777\t0\t0\t0\t-\ta\n").contains("type l takes 8 fields, found 7"));
        assertTrue(refusal("isn-manifest 1\nx\t0777\t0\t0\t0\t-\ta\n").contains("expected 'TYPE MODE UID GID SIZE SHA256 PATH [TARGET]'"));
    }

    @Test
    void pathRules() {
        assertNull(EntryPaths.problem("usr/bin/a b"));
        assertEquals("absolute path", EntryPaths.problem("/etc"));
        assertEquals("path contains '..'", EntryPaths.problem("a/../b"));
        assertTrue(EntryPaths.problem("a//b").contains("not canonical"));
        assertTrue(EntryPaths.problem("a/./b").contains("not canonical"));
        assertTrue(EntryPaths.problem("a/").contains("not canonical"));
        assertTrue(EntryPaths.problem("a\nb").contains("control character U+000A"));
    }

    @Test
    void linkContainment() {
        assertTrue(EntryPaths.linkStaysInside("usr/bin/x", "../lib/y"));
        assertTrue(EntryPaths.linkStaysInside("usr/bin/x", "/bin/busybox"));
        assertTrue(EntryPaths.linkStaysInside("usr/bin/x", "../.."));
        assertFalse(EntryPaths.linkStaysInside("usr/bin/x", "../../.."));
        assertFalse(EntryPaths.linkStaysInside("x", ".."));
        assertFalse(EntryPaths.linkStaysInside("usr/x", "/../etc"));
    }

    @Test
    void payloadOrderIsUtf8ByteOrder() {
        List<String> paths = new java.util.ArrayList<>(List.of("a/b", "a-b", "a", "\uFFFD", "\uD83D\uDE00", "B"));
        paths.sort(EntryPaths.ORDER);
        assertEquals(List.of("B", "a", "a-b", "a/b", "\uFFFD", "\uD83D\uDE00"), paths);
    }
}
