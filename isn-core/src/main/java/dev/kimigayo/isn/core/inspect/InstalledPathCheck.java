package dev.kimigayo.isn.core.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.commit.FileAttributes;
import dev.kimigayo.isn.core.fileplan.RootPaths;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.SymlinkInPathException;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.db.FileType;
import dev.kimigayo.isn.db.InstalledFile;

/**
 * Compares one installed path with its database record: type, SHA-256, all twelve mode bits,
 * owner (only when isn runs as root, since an unprivileged install cannot set owners, see
 * {@link FileAttributes}) and link target. The one check behind {@code isn fix} (which repairs
 * the first difference it meets) and {@code isn audit} (which lists them all). Never follows a
 * symlink and never changes anything.
 */
final class InstalledPathCheck {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private InstalledPathCheck() {
    }

    /**
     * Every way {@code p} differs from its record {@code f}: empty when it matches. A missing or
     * retyped path has that one difference; a regular file may differ in content, owner and mode
     * at once (in that order). Hardlinks are checked through the file they point at. The path is
     * reached without following a symlink in any ancestor ({@link RootGuard}): below a directory
     * swapped for a symlink or a file, it is missing, and nothing outside the root is read.
     */
    static List<Damage.Problem> differences(RootGuard guard, InstalledFile f) throws IsnException {
        try {
            Path p;
            try {
                p = guard.resolve(f.path());
            } catch (SymlinkInPathException | NotDirectoryException e) {
                return List.of(Damage.Problem.MISSING);
            }
            if (!Files.exists(p, NOFOLLOW)) {
                return List.of(Damage.Problem.MISSING);
            }
            if (f.type() == FileType.SYMLINK) {
                if (!Files.isSymbolicLink(p)) {
                    return List.of(Damage.Problem.TYPE);
                }
                return Files.readSymbolicLink(p).toString().equals(f.linkTarget()) ? List.of()
                        : List.of(Damage.Problem.LINK_TARGET);
            }
            if (f.type() == FileType.DIR) {
                return Files.isDirectory(p, NOFOLLOW) ? attributes(p, f, new ArrayList<>()) : List.of(Damage.Problem.TYPE);
            }
            if (f.type() != FileType.FILE) {
                return List.of();
            }
            if (!Files.isRegularFile(p, NOFOLLOW)) {
                return List.of(Damage.Problem.TYPE);
            }
            List<Damage.Problem> found = new ArrayList<>();
            if (f.sha256() != null && !f.sha256().equals(RootPaths.sha256(p))) {
                found.add(Damage.Problem.CONTENT);
            }
            return attributes(p, f, found);
        } catch (IOException e) {
            throw new FilesystemException("cannot check /" + f.path() + " against the package database", e);
        }
    }

    private static List<Damage.Problem> attributes(Path p, InstalledFile f, List<Damage.Problem> found)
            throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", NOFOLLOW);
        if (FileAttributes.PRIVILEGED && ((Integer) a.get("uid") != f.uid() || (Integer) a.get("gid") != f.gid())) {
            found.add(Damage.Problem.OWNER);
        }
        if ((((Integer) a.get("mode")) & 07777) != (f.mode() & 07777)) {
            found.add(Damage.Problem.MODE);
        }
        return found;
    }
}
