package dev.kimigayo.isn.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.db.FileType;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Compares installed paths with their database records (type, SHA-256, all twelve mode bits,
 * owner, link target) to find what {@code isn fix} must repair. Configuration files are skipped:
 * changing them is what they are for. Directories are checked for type, mode and owner (a
 * reinstall repairs them in place). Owners are compared only when isn runs as root, since an
 * unprivileged install cannot set them (see {@link FileAttributes}).
 */
public final class DamageScan {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private DamageScan() {
    }

    /** Every damaged path of the installed packages ({@code names}, or all when empty), by package then path. */
    public static List<Damage> scan(EngineSettings settings, Collection<String> names) throws IsnException {
        List<Damage> found = new ArrayList<>();
        try (Queries q = Queries.open(settings)) {
            for (InstalledPackage p : q.installed()) {
                if (!names.isEmpty() && !names.contains(p.name())) {
                    continue;
                }
                for (InstalledFile f : q.files(p.name())) {
                    Damage.Problem problem = f.config() ? null : check(settings.layout().resolve(f.path()), f);
                    if (problem != null) {
                        found.add(new Damage(p.name(), f.path(), problem));
                    }
                }
            }
        }
        return found;
    }

    /** The names of the packages in {@code damage}, each once, in order. */
    public static List<String> packages(List<Damage> damage) {
        return damage.stream().map(Damage::pkg).distinct().toList();
    }

    /** What is wrong with {@code p} compared with its record {@code f}, or null when nothing is. */
    static Damage.Problem check(Path p, InstalledFile f) throws IsnException {
        try {
            if (!Files.exists(p, NOFOLLOW)) {
                return Damage.Problem.MISSING;
            }
            if (f.type() == FileType.SYMLINK) {
                if (!Files.isSymbolicLink(p)) {
                    return Damage.Problem.TYPE;
                }
                return Files.readSymbolicLink(p).toString().equals(f.linkTarget()) ? null : Damage.Problem.LINK_TARGET;
            }
            if (f.type() == FileType.DIR) {
                return Files.isDirectory(p, NOFOLLOW) ? attributes(p, f) : Damage.Problem.TYPE;
            }
            if (f.type() != FileType.FILE) {
                return null; // hardlinks are checked through the file they point at
            }
            if (!Files.isRegularFile(p, NOFOLLOW)) {
                return Damage.Problem.TYPE;
            }
            if (f.sha256() != null && !f.sha256().equals(RootPaths.sha256(p))) {
                return Damage.Problem.CONTENT;
            }
            return attributes(p, f);
        } catch (IOException e) {
            throw new FilesystemException("cannot check /" + f.path() + " against the package database", e);
        }
    }

    private static Damage.Problem attributes(Path p, InstalledFile f) throws IOException {
        java.util.Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", NOFOLLOW);
        if (FileAttributes.PRIVILEGED && ((Integer) a.get("uid") != f.uid() || (Integer) a.get("gid") != f.gid())) {
            return Damage.Problem.OWNER;
        }
        return (((Integer) a.get("mode")) & 07777) == (f.mode() & 07777) ? null : Damage.Problem.MODE;
    }
}
