package dev.kimigayo.isn.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.RepositoriesFile;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.fetch.FetchException;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.fetch.Validators;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.IndexCache;
import dev.kimigayo.isn.core.repo.IndexExpiredException;
import dev.kimigayo.isn.core.repo.IndexReader;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repo.RepositoryIoException;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Phases;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.RepositoryState;

/**
 * The configured repositories and their verified indexes. {@code file:} indexes are read in
 * place; {@code http(s):} ones are kept in {@code var/cache/isn/indexes/} (or a scratch folder
 * with {@code --no-cache}) and refreshed with conditional GET from the first mirror that answers.
 * Every index is checked against the trusted keys, its expiry (freeze) and the last accepted
 * serial (rollback) before use. A repository that cannot be reached is not fatal (as apk): it is
 * reported ({@link #failures()}) and its last verified index is used, or it is left out.
 */
public final class RepositoryCatalog {

    /** How indexes of {@code http(s)} repositories are obtained. */
    public enum Mode {
        /** Fetch every index (conditional GET): {@code isn update}. */
        REFRESH,
        /** Use the cached index; fetch only a missing or expired one: install, upgrade, fix. */
        IF_MISSING,
        /** Never fetch; use what is cached, leaving out what cannot be read: removal and queries. */
        OFFLINE
    }

    /** A repository that could not be refreshed ({@code fallback}: its cached index is used) or not used at all. */
    public record Failure(RepositoryEntry entry, IsnException reason, boolean fallback) {
        /** The repository's URL. */
        public String url() {
            return entry.uri().toString();
        }
    }

    private final Session session;
    private final IndexTrust trust;
    private final Path cacheDir;
    private final boolean recordState;
    private final List<Failure> failures = new ArrayList<>();
    private Path scratch;

    /** A catalog for {@code session}, caching http indexes in {@code cacheDir}; {@code recordState} false changes nothing. */
    public RepositoryCatalog(Session session, Path cacheDir, boolean recordState) throws IsnException {
        this.session = session;
        this.trust = IndexTrust.load(session.settings());
        this.cacheDir = cacheDir;
        this.recordState = recordState;
    }

    /**
     * This catalog, reading cached indexes but downloading missing or stale ones into
     * {@code dir} instead of the cache, and never replacing a cached one (dry runs).
     */
    public RepositoryCatalog withScratch(Path dir) {
        this.scratch = dir;
        return this;
    }

    /**
     * The repositories of {@code etc/isn/repositories} followed by those given on the command
     * line; the latter are for this command only and never written to the file (as apk's {@code -X}).
     */
    public static List<RepositoryEntry> configured(EngineSettings settings) throws IsnException {
        LinkedHashSet<RepositoryEntry> all = new LinkedHashSet<>();
        try {
            all.addAll(RepositoriesFile.read(settings.layout().repositoriesFile()));
        } catch (IOException e) {
            throw new FilesystemException("cannot read " + settings.layout().repositoriesFile(), e);
        }
        all.addAll(settings.extraRepos());
        return List.copyOf(all);
    }

    /**
     * The configured repositories whose index can be read without the network (from the cache or
     * a {@code file:} repository), changing nothing; the rest are warned about and left out. What
     * removal's clean-up and every read-only query read.
     */
    public static List<LoadedRepository> readOffline(Session session) throws IsnException {
        EngineSettings settings = session.settings();
        return new RepositoryCatalog(session, settings.layout().cacheDir().resolve("indexes"), false)
                .load(configured(settings), Mode.OFFLINE, null);
    }

    /** The cache folder of the repository whose first URL is {@code url}. */
    public static Path cacheFolder(Path indexCache, String url) {
        return indexCache.resolve(IndexTrust.key(url));
    }

    /**
     * Loads every usable repository, as one INDEXES phase; those that cannot be reached are reported
     * and left out or read from the cache (the phase still ends well: the operation goes on).
     */
    public List<LoadedRepository> load(List<RepositoryEntry> entries, Mode mode, Fetcher fetcher)
            throws IsnException {
        List<LoadedRepository> loaded = new ArrayList<>();
        try (Phases phases = new Phases(session.settings().listener())) {
            phases.begin(EngineEvent.Phase.INDEXES, entries.size());
            for (RepositoryEntry e : entries) {
                RepoIndex index = load(e, mode, fetcher);
                if (index != null) {
                    loaded.add(new LoadedRepository(e, index));
                }
            }
            phases.done();
        }
        return loaded;
    }

    /** The repositories of the last {@link #load} that could not be refreshed or used, in order. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The repositories left out entirely (no usable index at all). */
    public List<Failure> leftOut() {
        return failures.stream().filter(f -> !f.fallback()).toList();
    }

    private RepoIndex load(RepositoryEntry entry, Mode mode, Fetcher fetcher) throws IsnException {
        String url = entry.uri().toString();
        Optional<RepositoryState> state = state(url);
        OptionalLong last = state.map(s -> OptionalLong.of(s.serial())).orElse(OptionalLong.empty());
        Validators known = state.map(s -> new Validators(s.etag(), s.lastModified())).orElse(Validators.NONE);
        if (entry.isLocal()) {
            Path json = Path.of(entry.uri()).resolve(IndexBuilder.INDEX_FILE);
            if (!Files.exists(json)) {
                return leaveOut(entry, new RepositoryIoException("no index at " + json
                        + "; check the path (etc/isn/repositories or -X)", null));
            }
            if (mode == Mode.OFFLINE) {
                return lenient(entry, json, last, known);
            }
            return accept(url, read(url, json, last), last, known, known, mode == Mode.REFRESH);
        }
        Path dir = cacheFolder(cacheDir, url);
        Path json = dir.resolve(IndexBuilder.INDEX_FILE);
        boolean cached = Files.exists(json) && Files.exists(IndexReader.signatureOf(json));
        boolean network = mode != Mode.OFFLINE && !session.settings().fetch().offline();
        if (network && mode == Mode.IF_MISSING && cached) {
            try {
                return accept(url, read(url, json, last), last, known, known, false);
            } catch (IndexExpiredException expired) {
                // A frozen cache: ask the repository for a newer index before giving up.
            }
        }
        if (!network) {
            return cached ? lenient(entry, json, last, known)
                    : leaveOut(entry, new RepositoryIoException("no cached index"
                            + (mode == Mode.OFFLINE ? "" : " and the network is off (--no-network)")
                            + "; run 'isn update'", null));
        }
        Path fresh = (scratch == null ? dir : cacheFolder(scratch, url)).resolve("incoming")
                .resolve(IndexBuilder.INDEX_FILE);
        IndexFetch.Fetched got;
        try {
            got = IndexFetch.fetch(entry, fresh, cached ? known : Validators.NONE, fetcher);
        } catch (FetchException unreachable) {
            if (!cached) {
                return leaveOut(entry, unreachable);
            }
            failures.add(new Failure(entry, unreachable, true));
            warn("cannot refresh " + url + ", using its cached index: " + unreachable.getMessage());
            return lenient(entry, json, last, known);
        }
        if (!got.changed()) {
            return accept(url, read(url, json, last), last, known, got.validators(), true);
        }
        RepoIndex index = read(url, fresh, last);
        if (scratch != null) {
            return accept(url, index, last, known, got.validators(), true);
        }
        // Only a verified index replaces the cached one: a refused download never evicts a good copy.
        move(IndexReader.signatureOf(fresh), IndexReader.signatureOf(json));
        move(fresh, json);
        return accept(url, index, last, known, got.validators(), true);
    }

    /**
     * Reads an index through its derived cache in the repository's cache folder, which only a
     * command that records state (not a dry run or a query) writes.
     */
    private RepoIndex read(String url, Path json, OptionalLong last) throws IsnException {
        boolean write = recordState && scratch == null && session.journal() != null;
        return trust.read(url, json, last, cacheFolder(cacheDir, url).resolve(IndexCache.FILE), write);
    }

    /** Reads a cached or local index for a run that can do without it: any problem leaves the repository out. */
    private RepoIndex lenient(RepositoryEntry entry, Path json, OptionalLong last, Validators known)
            throws IsnException {
        String url = entry.uri().toString();
        RepoIndex index;
        try {
            index = read(url, json, last);
        } catch (IsnException unusable) {
            if (unusable instanceof FilesystemException) {
                throw unusable;
            }
            return leaveOut(entry, unusable);
        }
        return accept(url, index, last, known, known, false);
    }

    private RepoIndex leaveOut(RepositoryEntry entry, IsnException reason) {
        failures.add(new Failure(entry, reason, false));
        warn("ignoring " + entry.uri() + ": " + reason.getMessage());
        return null;
    }

    private void warn(String message) {
        session.settings().listener().on(new EngineEvent.Warning(message));
    }

    private RepoIndex accept(String url, RepoIndex index, OptionalLong last, Validators known, Validators validators,
            boolean refreshed) throws IsnException {
        boolean unchanged = last.isPresent() && last.getAsLong() == index.serial();
        if (refreshed || !unchanged || !validators.equals(known)) {
            // An install reading the same cached index learns nothing: writing only the time would
            // make a failed install change the database.
            record(url, index, validators);
        }
        session.settings().listener().on(new EngineEvent.IndexUpdated(url, index.serial(), index.packages().size(),
                unchanged));
        return index;
    }

    private static void move(Path from, Path to) throws IsnException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FilesystemException("cannot store the verified index at " + to, e);
        }
    }

    private Optional<RepositoryState> state(String url) throws IsnException {
        try {
            return session.db().repositoryState(url);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the state of repository " + url, e);
        }
    }

    private void record(String url, RepoIndex index, Validators validators) throws IsnException {
        if (!recordState || session.journal() == null) {
            return; // dry runs and read-only sessions never write
        }
        try {
            session.db().recordRepositoryState(new RepositoryState(url, index.serial(), validators.etag(),
                    validators.lastModified(), session.settings().clock().instant(), index.expires()));
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot record the state of repository " + url, e);
        }
    }
}
