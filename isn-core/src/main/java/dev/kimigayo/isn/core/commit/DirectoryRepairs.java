package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.fileplan.FileEntry;

/**
 * Existing directories whose owner or mode differ from what an incoming package records (a
 * reinstall by {@code isn fix}, an upgrade that changes a directory's mode). They are changed
 * in place only after every file was verified and renamed, and restored if the transaction then
 * fails; a directory is never replaced, since other packages' files live in it.
 */
final class DirectoryRepairs {

    private record Repair(Path dir, FileEntry wanted, FileEntry before) {
    }

    private final List<Repair> repairs = new ArrayList<>();
    private final List<Repair> applied = new ArrayList<>();

    /** Notes {@code dir} for repair when it is a real directory (not a usr-merge link) that differs from {@code wanted}. */
    void check(Path dir, FileEntry wanted) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !FileAttributes.matches(dir, wanted)) {
            repairs.add(new Repair(dir, wanted, FileAttributes.read(dir, wanted)));
        }
    }

    /** Gives every noted directory its package's owner and mode, in the order the packages listed them. */
    void apply() throws IOException {
        for (Repair r : repairs) {
            applied.add(r);
            FileAttributes.apply(r.dir(), r.wanted());
        }
    }

    /** Puts back the owner and mode of the directories already changed, last first. */
    void restore() {
        for (int i = applied.size() - 1; i >= 0; i--) {
            Repair r = applied.get(i);
            try {
                FileAttributes.apply(r.dir(), r.before());
            } catch (IOException e) {
                // Best effort: a directory that vanished needs no attributes; the failure being reported matters more.
            }
        }
        applied.clear();
    }
}
