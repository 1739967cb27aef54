package dev.kimigayo.isn.e2e.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Limits known before the first write are checked at plan time: a name longer than NAME_MAX once
 * staged, a path longer than PATH_MAX, and files larger than the free space are refused with
 * root and database unchanged, and the next command works (no wedged transaction).
 */
class LimitsE2ETest {

    @TempDir
    static Path shared;

    static Fixture fx;

    @TempDir
    Path tmp;

    @BeforeAll
    static void repository() throws Exception {
        fx = Fixture.create(shared);
    }

    private void refused(HostilePackage hostile, int exit, String... words) throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "update").assertSuccess();
        RootState before = RootState.of(root);
        Path pkg = hostile.write(tmp.resolve("pkgs"), fx.secret());
        IsnResult r = fx.run(root, "install", pkg.toString()).assertExit(exit);
        for (String w : words) {
            assertTrue(r.stderr().contains(w), r.stderr());
        }
        assertTrue(r.stderr().contains("nothing was changed"), r.stderr());
        assertEquals(before, RootState.of(root));
        fx.run(root, "install", "demo").assertSuccess();
        fx.run(root, "remove", "demo").assertSuccess();
    }

    @Test
    void aNameTooLongOnceStagedIsRefusedBeforeAnyWrite() throws Exception {
        // 240 bytes fits NAME_MAX, but not with the staging prefix .isn-new.<16 hex digits>.
        String name = "n".repeat(240);
        refused(new HostilePackage("long").dir("usr").dir("usr/share").file("usr/share/" + name, "x"), 4,
                "usr/share/nnnn", "at most 255 bytes");
    }

    @Test
    void aPathLongerThanPathMaxIsRefusedBeforeAnyWrite() throws Exception {
        HostilePackage deep = new HostilePackage("deep");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            path.append(i == 0 ? "" : "/").append(String.valueOf((char) ('a' + i)).repeat(200));
            deep.dir(path.toString());
        }
        deep.file(path + "/f", "x");
        refused(deep, 4, "at most 4095 bytes");
    }

    @Test
    void filesLargerThanTheFreeSpaceAreRefusedBeforeAnyWrite() throws Exception {
        refused(new HostilePackage("huge").dir("usr").file("usr/a", "a").claimedFile("usr/huge", 1L << 52), 1,
                "not enough space", "free some space");
    }
}
