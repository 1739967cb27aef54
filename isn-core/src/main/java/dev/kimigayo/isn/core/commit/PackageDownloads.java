package dev.kimigayo.isn.core.commit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchRequest;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.PackageOrigin;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repo.IndexException;
import dev.kimigayo.isn.core.repo.PackageFileCheck;
import dev.kimigayo.isn.core.repos.IndexFetch;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineListener;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Phases;

/**
 * Gets every package file a plan installs: {@code file:} repositories in place, http ones into
 * the package cache (a cached file is reused only if its size and SHA-256 still match the signed
 * index). Downloads run in parallel, capped at the index's size, hashed while streaming.
 */
public final class PackageDownloads {

    private static final int PARALLELISM = 4;

    private final List<LoadedRepository> repos;
    private final Path dir;
    private final Fetcher fetcher;
    private final EngineListener listener;

    /**
     * Downloads from {@code repos} into {@code dir} (the cache or a scratch folder) through
     * {@code fetcher}, reporting the DOWNLOAD phase to {@code listener}.
     */
    public PackageDownloads(List<LoadedRepository> repos, Path dir, Fetcher fetcher, EngineListener listener) {
        this.repos = repos;
        this.dir = dir;
        this.fetcher = fetcher;
        this.listener = listener;
    }

    /**
     * The steps with their package files set; everything is fetched and checked before returning,
     * as one DOWNLOAD phase whose total is the bytes to fetch.
     */
    public List<TxnStep> resolve(List<TxnStep> steps) throws IsnException {
        List<TxnStep> out = new ArrayList<>();
        List<FetchRequest> fetches = new ArrayList<>();
        for (TxnStep s : steps) {
            if (s.origin() instanceof PackageOrigin.Local local) {
                out.add(s.withFile(local.pkg().file()));
            } else if (s.origin() instanceof PackageOrigin.Indexed indexed && s.source() >= 0 && s.source() < repos.size()) {
                IndexEntry e = indexed.entry();
                LoadedRepository repo = repos.get(s.source());
                Path file = repo.entry().isLocal() ? Path.of(repo.packageUri(e)) : dir.resolve(e.file());
                if (!repo.entry().isLocal() && !cachedCopyMatches(e, file)) {
                    fetches.add(IndexFetch.request(repo.entry().urls(), e.file(), file, e.fileSize())
                            .withSha256(e.fileSha256()));
                }
                out.add(s.withFile(file));
            } else {
                out.add(s);
            }
        }
        try (Phases phases = new Phases(listener)) {
            phases.begin(EngineEvent.Phase.DOWNLOAD, fetches.stream().mapToLong(FetchRequest::maxBytes).sum());
            // Each package file is hashed once: a download while it streams (refused on a mismatch), a
            // cached copy before it is reused. A file of a file: repository is read in place and not
            // hashed as a whole: its signed PKGINFO must equal the signed index entry on every key,
            // the manifest's SHA-256 included (checked before anything is staged), and every entry
            // is checked against that manifest while it is staged, before the root changes
            // (docs/format-index.md, "Reading rules"). Hashing the whole file first read it twice.
            fetch(fetches);
            phases.done();
        }
        return out;
    }

    private void fetch(List<FetchRequest> fetches) throws IsnException {
        if (fetches.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new FilesystemException("cannot create the package cache " + dir, e);
        }
        fetcher.fetchAll(fetches, PARALLELISM);
    }

    private static boolean cachedCopyMatches(IndexEntry e, Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            PackageFileCheck.check(e, file);
            return true;
        } catch (IndexException mismatch) {
            return false;
        }
    }
}
