package dev.kimigayo.isn.core.inspect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.commit.FileAttributes;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Compares installed paths with their database records ({@link InstalledPathCheck}: type,
 * SHA-256, all twelve mode bits, owner, link target) to find what {@code isn fix} must repair. Configuration files are skipped:
 * changing them is what they are for. Directories are checked for type, mode and owner (a
 * reinstall repairs them in place). Owners are compared only when isn runs as root, since an
 * unprivileged install cannot set them (see {@link FileAttributes}). Paths are reached without
 * following a symlink in any ancestor ({@link RootGuard}), so a directory swapped for a symlink
 * makes the files below it missing: nothing outside the root is read.
 */
public final class DamageScan {

    private DamageScan() {
    }

    /** Every damaged path of the installed packages ({@code names}, or all when empty), by package then path. */
    public static List<Damage> scan(EngineSettings settings, Collection<String> names) throws IsnException {
        List<Damage> found = new ArrayList<>();
        RootGuard guard = new RootGuard(settings.layout().root());
        try (Queries q = Queries.open(settings)) {
            for (InstalledPackage p : q.installedRows()) {
                if (!names.isEmpty() && !names.contains(p.name())) {
                    continue;
                }
                for (InstalledFile f : q.fileRows(p.name())) {
                    Damage.Problem problem = f.config() ? null : check(guard, f);
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

    /** What is wrong with the path of {@code f} compared with that record (the first difference), or null when nothing is. */
    static Damage.Problem check(RootGuard guard, InstalledFile f) throws IsnException {
        List<Damage.Problem> found = InstalledPathCheck.differences(guard, f);
        return found.isEmpty() ? null : found.get(0);
    }
}
