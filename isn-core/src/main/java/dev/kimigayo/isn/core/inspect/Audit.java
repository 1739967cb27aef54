package dev.kimigayo.isn.core.inspect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.planner.UnknownPackageException;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.root.SymlinkInPathException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.db.FileType;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * {@code isn audit}, as apk's: which installed paths differ from the database (the same check as
 * {@code isn fix}, {@link InstalledPathCheck}), and optionally which paths in the packages'
 * directories no package installed. Read-only: a reader session (no lock, no network, nothing
 * written); repairing is {@code isn fix}'s job.
 */
public final class Audit {

    private Audit() {
    }

    /**
     * What to audit.
     *
     * @param packages   the installed packages to check; all when empty
     * @param newFiles   also list paths in the packages' directories that no package installed
     * @param config     also check configuration files (which are meant to be changed)
     */
    public record Request(List<String> packages, boolean newFiles, boolean config) {
        /** Copies the list. */
        public Request {
            packages = List.copyOf(packages);
        }
    }

    /** The findings, sorted by path; empty when the root matches its database. */
    public static List<AuditFinding> run(EngineSettings settings, Request request) throws IsnException {
        List<AuditFinding> found = new ArrayList<>();
        RootGuard guard = new RootGuard(settings.layout().root());
        try (Queries q = Queries.open(settings)) {
            List<InstalledPackage> installed = q.installedRows();
            List<String> unknown = new ArrayList<>(request.packages());
            installed.forEach(p -> unknown.remove(p.name()));
            if (!unknown.isEmpty()) {
                throw new UnknownPackageException("audit", unknown);
            }
            Set<String> recorded = new HashSet<>();
            Set<String> directories = new TreeSet<>();
            for (InstalledPackage p : installed) {
                boolean chosen = request.packages().isEmpty() || request.packages().contains(p.name());
                for (InstalledFile f : q.fileRows(p.name())) {
                    recorded.add(f.path());
                    if (!chosen || f.config() && !request.config()) {
                        continue;
                    }
                    // Several packages may own one directory: it is checked, and reported, once.
                    if (f.type() == FileType.DIR && !directories.add(f.path())) {
                        continue;
                    }
                    List<Damage.Problem> differences =
                            InstalledPathCheck.differences(guard, f);
                    if (!differences.isEmpty()) {
                        found.add(new AuditFinding(f.path(), p.name(), f.config(), differences));
                    }
                }
            }
            if (request.newFiles()) {
                for (String dir : directories) {
                    newPaths(guard, dir, recorded, found);
                }
            }
        }
        found.sort(Comparator.comparing(AuditFinding::path));
        return found;
    }

    /** The entries of package directory {@code dir} that no package installed (not descending into new directories). */
    private static void newPaths(RootGuard guard, String dir, Set<String> recorded, List<AuditFinding> found)
            throws IsnException {
        try {
            Path d;
            try {
                d = guard.resolve(dir);
            } catch (SymlinkInPathException | NotDirectoryException e) {
                return; // reported as missing already; never list a directory outside the root
            }
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                return; // reported as missing or retyped already
            }
            listNew(d, dir, recorded, found);
        } catch (IOException e) {
            throw new FilesystemException("cannot list /" + dir + " to look for new files", e);
        }
    }

    private static void listNew(Path d, String dir, Set<String> recorded, List<AuditFinding> found) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
            for (Path e : entries) {
                String path = dir + "/" + e.getFileName();
                if (!recorded.contains(path) && !isOwn(path)) {
                    found.add(new AuditFinding(path, null, false, List.of()));
                }
            }
        }
    }

    /**
     * isn's own state (configuration, database, cache), the directories on the way to it (isn
     * creates {@code var/lib} for its database when no package did) and its temporary names are
     * not new files.
     */
    static boolean isOwn(String path) {
        for (String own : List.of(RootLayout.CONFIG_DIR, RootLayout.STATE_DIR, RootLayout.CACHE_DIR)) {
            if (path.equals(own) || path.startsWith(own + "/") || own.startsWith(path + "/")) {
                return true;
            }
        }
        return path.substring(path.lastIndexOf('/') + 1).startsWith(".isn-");
    }
}
