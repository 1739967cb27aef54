package dev.kimigayo.isn.core.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import dev.kimigayo.isn.core.fileplan.FileEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FileAttributes.apply changes only what differs, on real files; as root (as in CI) also owners,
 * where a chown that clears setuid must be followed by the mode even when it matched before.
 */
class FileAttributesTest {

    @TempDir
    Path tmp;

    private static Map<String, Object> attrs(Path p) throws Exception {
        return Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws Exception {
        return (Integer) attrs(p).get("mode") & 07777;
    }

    private static FileEntry file(Path p, int mode, long uid, long gid) {
        return new FileEntry(p.getFileName().toString(), FileEntry.Type.FILE, mode, uid, gid, 0, null, null);
    }

    @Test
    void aModeThatDiffersIsSetAndOneThatMatchesIsKept() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        Files.setAttribute(f, "unix:mode", 0600);
        Map<String, Object> a = attrs(f);
        FileAttributes.apply(f, file(f, 0640, (Integer) a.get("uid"), (Integer) a.get("gid")));
        assertEquals(0640, mode(f));
        FileAttributes.apply(f, file(f, 0640, (Integer) a.get("uid"), (Integer) a.get("gid")));
        assertEquals(0640, mode(f));
    }

    @Test
    void afterAChownTheSetuidModeIsSetAgain() throws Exception {
        if (!FileAttributes.PRIVILEGED) {
            // Owners are left alone without root (docs/user-guide.md); CI runs this as root.
            assertEquals(false, "true".equals(System.getenv("CI")), "CI must run the unit tests as root");
            return;
        }
        Path f = Files.writeString(tmp.resolve("su"), "x");
        Files.setAttribute(f, "unix:mode", 04755);
        // The mode already matches; the owner does not. chown(2) clears setuid, so the mode must follow it.
        FileAttributes.apply(f, file(f, 04755, 1, 2));
        Map<String, Object> a = attrs(f);
        assertEquals(1, a.get("uid"));
        assertEquals(2, a.get("gid"));
        assertEquals(04755, (Integer) a.get("mode") & 07777);
    }

    @Test
    void aSymlinkGetsItsOwnerOnlyAndItsTargetIsUntouched() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "x");
        Files.setAttribute(target, "unix:mode", 0600);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        FileAttributes.apply(link, new FileEntry("link", FileEntry.Type.SYMLINK, 0777, 0, 0, 0, null, "target"));
        assertEquals(0600, mode(target));
    }
}
