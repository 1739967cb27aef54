package dev.kimigayo.isn.core.fileplan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.JournalEntry;

/**
 * The limits a transaction can be checked against before its first write, so that it is refused
 * whole instead of failing half-way: Linux's NAME_MAX (255 bytes per name) and PATH_MAX (4096
 * bytes with the terminating NUL) for every path the journal names, staging and backup names
 * included, and the free space of the root's filesystem against the signed sizes of the files
 * to be written.
 */
public final class PathLimits {

    /** Bytes in one file name (NAME_MAX). */
    static final int NAME_MAX = 255;
    /** Bytes in a whole path, without the terminating NUL (PATH_MAX - 1). */
    static final int PATH_MAX = 4095;
    /** What one directory, symlink or file costs at least on disk beyond its content (a block). */
    private static final long BLOCK = 4096;

    private PathLimits() {
    }

    /** Refuses the plan when any path it names is too long for the filesystem. */
    public static void checkNames(RootLayout root, FilePlan plan) throws PathTooLongException {
        int prefix = root.root().toString().getBytes(StandardCharsets.UTF_8).length;
        for (JournalEntry e : plan.changes().entries()) {
            for (String p : new String[] {e.path(), e.tempPath(), e.backupPath()}) {
                if (p != null) {
                    check(plan, prefix, e.path(), p);
                }
            }
        }
        for (Map<String, Path> staged : plan.staging().values()) {
            for (Map.Entry<String, Path> s : staged.entrySet()) {
                check(plan, prefix, s.getKey(), root.root().relativize(s.getValue()).toString());
            }
        }
    }

    private static void check(FilePlan plan, int prefix, String path, String actual) throws PathTooLongException {
        for (String name : actual.split("/")) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                throw new PathTooLongException(owner(plan, path), path, "a name in it is " + bytes
                        + " bytes long while staged as " + name.substring(0, Math.min(40, name.length()))
                        + "…, and a file name may have at most " + NAME_MAX + " bytes");
            }
        }
        int total = prefix + 1 + actual.getBytes(StandardCharsets.UTF_8).length;
        if (total > PATH_MAX) {
            throw new PathTooLongException(owner(plan, path), path, "its full path under the root is " + total
                    + " bytes while staged, and a path may have at most " + PATH_MAX + " bytes");
        }
    }

    private static String owner(FilePlan plan, String path) {
        for (Map.Entry<String, List<FileEntry>> e : plan.owned().entrySet()) {
            for (FileEntry f : e.getValue()) {
                if (f.path().equals(path)) {
                    return e.getKey();
                }
            }
        }
        return "a package of this transaction";
    }

    /**
     * Refuses the plan when the root's filesystem has less usable space than the files to be
     * staged need: their signed sizes rounded up to whole blocks, plus a block for every other
     * entry. Old files stay (as backups) until the commit, so nothing is counted as freed.
     */
    public static void checkSpace(RootLayout root, FilePlan plan, List<PackageFiles> incoming) throws IOException,
            NotEnoughSpaceException {
        long needed = 0;
        for (PackageFiles pkg : incoming) {
            Map<String, Path> staged = plan.staging().getOrDefault(pkg.name(), Map.of());
            for (FileEntry f : pkg.files()) {
                if (staged.containsKey(f.path())) {
                    long size = f.type() == FileEntry.Type.FILE ? f.size() : 0;
                    needed = Math.addExact(needed, (Math.max(size, 1) + BLOCK - 1) / BLOCK * BLOCK);
                }
            }
        }
        long free = Files.getFileStore(root.root()).getUsableSpace();
        if (needed > free) {
            throw new NotEnoughSpaceException(root.root().toString(), needed, free);
        }
    }
}
