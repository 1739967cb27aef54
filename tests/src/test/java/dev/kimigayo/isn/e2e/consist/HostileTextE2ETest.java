package dev.kimigayo.isn.e2e.consist;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Validly signed hostile packages carrying terminal escapes, bidirectional overrides and a
 * conflict with themselves: refused (exit 4), nothing raw reaches the terminal, nothing changes.
 */
class HostileTextE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESC_NAME = "usr/share/evil\u001b[31mred\u0007\u0001";

    @TempDir
    Path tmp;

    private Fixture fixture() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("hello", Fixture.HELLO, "usr/share/hello/greeting", "hi\n");
        f.index();
        f.init();
        return f;
    }

    private static void assertNoRawControls(IsnResult r) {
        for (String s : new String[] {r.stdout(), r.stderr()}) {
            for (char c : s.toCharArray()) {
                assertFalse(c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e,
                        String.format("raw U+%04X printed: %s", (int) c, r.describe()));
            }
        }
    }

    @Test
    void terminalEscapesInAFileNameAreRefusedAndPrintedEscaped() throws Exception {
        Fixture f = fixture();
        Path pkg = new CraftedPackage("evil", "1.0-r0").dir("usr").dir("usr/share").file(ESC_NAME, "x\n")
                .write(tmp.resolve("evil-1.0-r0.isn"), f.sec);
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult text = f.at("install", pkg.toString()).assertExit(4);
        assertNoRawControls(text);
        assertTrue(text.stderr().contains("evil\\x1b[31mred\\x07\\x01"), text.describe());
        assertTrue(text.stderr().contains("control character U+001B"), text.describe());

        IsnResult json = f.at("install", "--json", pkg.toString()).assertExit(4);
        assertNoRawControls(json);
        assertTrue(json.stdout().toLowerCase(java.util.Locale.ROOT).contains("\\u001b[31mred\\u0007\\u0001"), json.stdout());
        JsonNode error = JSON.readTree(json.stdout()).get("error");
        assertTrue(error.get("message").asText().contains("evil\u001b[31mred\u0007"), "JSON keeps the exact name");
        assertEquals(before, RootTree.withState(f.root), "root and database unchanged");
    }

    @Test
    void rightToLeftOverrideInAPayloadPathIsRefusedLikeInMetadata() throws Exception {
        Fixture f = fixture();
        Path pkg = new CraftedPackage("rlo", "1.0-r0").dir("usr").dir("usr/bin")
                .file("usr/bin/evil\u202egpj.sh", "#!/bin/sh\n").write(tmp.resolve("rlo-1.0-r0.isn"), f.sec);
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", pkg.toString()).assertExit(4);
        assertNoRawControls(r);
        assertTrue(r.stderr().contains("bidirectional control character U+202E"), r.describe());
        assertTrue(r.stderr().contains("evil\\u202egpj.sh"), r.describe());
        assertEquals(before, RootTree.withState(f.root));

        Path link = new CraftedPackage("rlolink", "1.0-r0").dir("usr").dir("usr/bin")
                .symlink("usr/bin/tool", "evil\u202egpj.sh").write(tmp.resolve("rlolink-1.0-r0.isn"), f.sec);
        IsnResult l = f.at("install", link.toString()).assertExit(4);
        assertTrue(l.stderr().contains("U+202E"), l.describe());
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void packRefusesBidiAndControlNames() throws Exception {
        Fixture f = new Fixture(tmp);
        Path src = tmp.resolve("src/rlo");
        Files.createDirectories(src.resolve("usr/bin"));
        Files.writeString(src.resolve("PKGINFO"), "name = rlo\nversion = 1-r0\narchitecture = noarch\n");
        Files.writeString(src.resolve("usr/bin/evil\u202egpj.sh"), "x\n");
        IsnResult r = isn().run("pack", src.toString(), "-o", f.repo.toString(), "--key", f.sec.toString());
        assertTrue(r.exitCode() == 2 || r.exitCode() == 4, r.describe());
        assertTrue(r.stderr().contains("U+202E"), r.describe());
        assertNoRawControls(r);
        try (var files = Files.list(f.repo)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aPackageConflictingWithItselfIsRefusedAtPackIndexAndInstall() throws Exception {
        Fixture f = fixture();
        Path src = tmp.resolve("src/selfish");
        Files.createDirectories(src.resolve("usr/share"));
        Files.writeString(src.resolve("PKGINFO"), "name = selfish\nversion = 1-r0\narchitecture = noarch\n"
                + "depends = !selfish\n");
        Files.writeString(src.resolve("usr/share/selfish"), "x\n");
        Path out = Files.createDirectories(tmp.resolve("packed"));
        IsnResult pack = isn().run("pack", src.toString(), "-o", out.toString(), "--key", f.sec.toString())
                .assertExit(2);
        assertTrue(pack.stderr().contains("declares a conflict with itself"), pack.describe());

        Path pkg = new CraftedPackage("selfish", "1.0-r0").pkginfo("depends = !selfish").dir("usr").dir("usr/share")
                .file("usr/share/selfish", "x\n").write(tmp.resolve("selfish-1.0-r0.isn"), f.sec);
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult install = f.at("install", pkg.toString()).assertExit(4);
        assertTrue(install.stderr().contains("declares a conflict with itself"), install.describe());
        assertEquals(before, RootTree.withState(f.root));

        Files.copy(pkg, f.repo.resolve(pkg.getFileName()));
        IsnResult index = isn().run("index", f.repo.toString(), "--key", f.sec.toString(), "--name", "x")
                .assertExit(4);
        assertTrue(index.stderr().contains("declares a conflict with itself"), index.describe());

        // An index entry (signed) declaring the self-conflict is malformed: refused at update.
        Files.delete(f.repo.resolve(pkg.getFileName()));
        f.index();
        f.forgeIndex("\"description\":\"greeting\"", "\"description\":\"greeting\",\"depends\":[\"!hello\"]");
        IsnResult update = f.at("update").assertExit(4);
        assertTrue(update.stderr().contains("declares a conflict with itself"), update.describe());
        assertEquals(before, RootTree.withState(f.root));
    }
}
