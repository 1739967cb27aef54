package dev.kimigayo.isn.core.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.commit.PackageDownloads;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.planner.Universe;
import dev.kimigayo.isn.core.repos.RepositoryCatalog;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.DownloadProgress;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.version.Constraint;

/**
 * {@code isn cache}: the package cache ({@code var/cache/isn/packages}) kept apart from installing.
 * {@link #clean} deletes what no configured repository's cached index lists any more;
 * {@link #download} fetches what a change would need, so it can later run with {@code --no-network}.
 * Both take the write lock: an install may be filling the cache at the same time.
 */
public final class CacheMaintenance {

    private CacheMaintenance() {
    }

    /** Deletes cached package files no cached index lists (and partial downloads); returns them, relative to the root. */
    public static List<String> clean(EngineSettings settings) throws IsnException {
        Path dir = settings.layout().cacheDir().resolve("packages");
        try (Session session = Session.openWriter(settings)) {
            Set<String> wanted = new HashSet<>();
            // A slice of a large index at a time: only the file names are kept.
            for (LoadedRepository r : RepositoryCatalog.readOffline(session)) {
                r.index().forEachPackage(e -> wanted.add(e.file()));
            }
            List<String> deleted = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                return deleted;
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    if (Files.isRegularFile(f) && !wanted.contains(f.getFileName().toString())) {
                        Files.delete(f);
                        deleted.add(settings.layout().relativize(f));
                    }
                }
            } catch (IOException e) {
                throw new FilesystemException("cannot clean the package cache " + dir, e);
            }
            return deleted;
        }
    }

    /**
     * Downloads into the package cache every package file that adding {@code targets} (none:
     * upgrading the world) would install, verified against the signed index; installs nothing
     * and changes neither the world nor the database. Returns the files, relative to the root.
     */
    public static List<String> download(EngineSettings settings, List<String> targets) throws IsnException {
        try (Session session = Session.openWriter(settings);
                Fetcher fetcher = new Fetcher(settings.fetch(), new DownloadProgress(settings.listener()))) {
            RepositoryCatalog catalog = new RepositoryCatalog(session, settings.layout().cacheDir().resolve("indexes"),
                    true);
            List<LoadedRepository> repos = catalog.load(RepositoryCatalog.configured(settings),
                    RepositoryCatalog.Mode.IF_MISSING, fetcher);
            Universe universe = Universe.load(session, repos, settings.arch());
            List<Constraint> wanted = new ArrayList<>();
            for (String t : targets) {
                wanted.add(Constraint.parse(t));
            }
            SolveRequest request = targets.isEmpty() ? SolveRequest.upgrade(List.of()) : SolveRequest.add(wanted);
            Solution plan = universe.solver().solve(universe.world(), request);
            List<TxnStep> steps = new PackageDownloads(repos, settings.layout().cacheDir().resolve("packages"), fetcher,
                    settings.listener()).resolve(universe.steps(plan));
            List<String> files = new ArrayList<>();
            for (TxnStep s : steps) {
                if (s.file() != null && s.file().startsWith(settings.layout().cacheDir())) {
                    files.add(settings.layout().relativize(s.file()));
                }
            }
            return files;
        } catch (dev.kimigayo.isn.db.DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
        }
    }
}
