package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import dev.kimigayo.isn.core.fileplan.FileEntry;

/**
 * Gives installed paths the owner and mode their package records. Owner first, then mode: chown
 * clears setuid and setgid, so the other order would lose them. Only root can give files away;
 * an unprivileged {@code --root} install keeps the caller's ids, says so once per transaction
 * ({@link #UNPRIVILEGED_WARNING}) and {@link dev.kimigayo.isn.core.inspect.DamageScan} then leaves
 * owners alone.
 */
public final class FileAttributes {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** Whether this process can set any owner: its effective uid, which owns /proc/self, is 0. */
    public static final boolean PRIVILEGED = effectiveUid() == 0;

    /** What an unprivileged install cannot reproduce, said once per transaction. */
    static final String UNPRIVILEGED_WARNING = "not running as root: installed files belong to you, not to the"
            + " owners the packages record (docs/user-guide.md, \"Installing without root\")";

    private FileAttributes() {
    }

    /**
     * Sets owner (when privileged) then mode of a file or directory; only the owner of a symlink.
     * Looks first (one lstat) and changes only what differs: most files are created with the
     * owner and mode their package records, and setting them anyway took four more system
     * calls per file (two lchown, an open and an fchmod). A chown clears setuid and setgid, so
     * after one the mode is always set again.
     */
    static void apply(Path p, FileEntry entry) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", NOFOLLOW);
        boolean chowned = false;
        if (PRIVILEGED && (Integer) a.get("uid") != entry.uid()) {
            Files.setAttribute(p, "unix:uid", (int) entry.uid(), NOFOLLOW);
            chowned = true;
        }
        if (PRIVILEGED && (Integer) a.get("gid") != entry.gid()) {
            Files.setAttribute(p, "unix:gid", (int) entry.gid(), NOFOLLOW);
            chowned = true;
        }
        if (entry.type() != FileEntry.Type.SYMLINK
                && (chowned || ((Integer) a.get("mode") & 07777) != (entry.mode() & 07777))) {
            Files.setAttribute(p, "unix:mode", entry.mode() & 07777, NOFOLLOW);
        }
    }

    /** Whether {@code p} already has the owner (when privileged) and mode of {@code entry}. */
    static boolean matches(Path p, FileEntry entry) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", NOFOLLOW);
        boolean owner = !PRIVILEGED || ((Integer) a.get("uid")) == entry.uid() && ((Integer) a.get("gid")) == entry.gid();
        return owner && (((Integer) a.get("mode")) & 07777) == (entry.mode() & 07777);
    }

    /** The owner and mode of {@code p} as an entry of the same path and type, to restore them. */
    static FileEntry read(Path p, FileEntry like) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", NOFOLLOW);
        return new FileEntry(like.path(), like.type(), ((Integer) a.get("mode")) & 07777,
                (Integer) a.get("uid"), (Integer) a.get("gid"), 0, null, null);
    }

    private static long effectiveUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}
