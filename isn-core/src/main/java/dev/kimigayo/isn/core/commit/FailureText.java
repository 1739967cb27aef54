package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.nio.file.FileSystemException;

import dev.kimigayo.isn.core.txn.PathFailure;

/** Human words for an I/O failure of a transaction: where it happened, why, and what to do about it. */
final class FailureText {

    private FailureText() {
    }

    /** {@code " writing /usr/bin/vim: no space left on device"}, or the reason alone when no path is known. */
    static String where(IOException e) {
        String reason = reason(e);
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = e instanceof PathFailure p ? "/" + p.path() : f.getFile();
            return " at " + file + ": " + reason;
        }
        return ": " + reason;
    }

    /** What the user can do, for the failures a user can fix. */
    static String advice(IOException e) {
        String r = reason(e).toLowerCase(java.util.Locale.ROOT);
        if (r.contains("no space") || r.contains("quota")) {
            return ": free some space on that filesystem and run the command again";
        }
        if (r.contains("read-only")) {
            return ": remount the filesystem read-write (or choose another --root) and run the command again";
        }
        if (r.contains("permission denied") || r.contains("not permitted")) {
            return ": run isn as a user allowed to write there (root for /) and run the command again";
        }
        if (r.contains("input/output")) {
            return ": the disk reported an error; check it (dmesg, fsck) before trying again";
        }
        return "";
    }

    private static String reason(IOException e) {
        String r = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return r == null ? e.getClass().getSimpleName() : r;
    }
}
