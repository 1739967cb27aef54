package dev.kimigayo.isn.core.engine;

import java.io.IOException;
import java.net.URI;
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
import dev.kimigayo.isn.core.fetch.FetchRequest;
import dev.kimigayo.isn.core.fetch.FetchResult;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.fetch.Validators;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.IndexReader;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.RepositoryState;

/**
 * The configured repositories and their verified indexes. {@code file:} indexes are read in
 * place; {@code http(s):} ones are kept in {@code var/cache/isn/indexes/} (or a scratch folder
 * with {@code --no-cache}) and refreshed with conditional GET. Every index is checked against the
 * trusted keys, its expiry (freeze) and the last accepted serial (rollback) before use.
 */
public final class RepositoryCatalog {

    private static final long MAX_INDEX = dev.kimigayo.isn.core.repo.IndexJsonParser.MAX_SIZE;
    private static final long MAX_SIGNATURE = 4096;

    private final Session session;
    private final IndexTrust trust;
    private final Path cacheDir;
    private final boolean recordState;

    /** A catalog for {@code session}, caching http indexes in {@code cacheDir}; {@code recordState} false changes nothing. */
    public RepositoryCatalog(Session session, Path cacheDir, boolean recordState) throws IsnException {
        this.session = session;
        this.trust = IndexTrust.load(session.settings());
        this.cacheDir = cacheDir;
        this.recordState = recordState;
    }

    /** The repositories of {@code etc/isn/repositories} followed by those given on the command line. */
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

    /** Appends command-line repositories missing from the repositories file ({@code --repository}). */
    public static void remember(EngineSettings settings) throws IsnException {
        try {
            List<RepositoryEntry> file = RepositoriesFile.read(settings.layout().repositoriesFile());
            List<RepositoryEntry> merged = new ArrayList<>(file);
            settings.extraRepos().stream().filter(e -> !file.contains(e)).forEach(merged::add);
            if (merged.size() != file.size()) {
                RepositoriesFile.write(settings.layout().repositoriesFile(), merged, settings.durability());
            }
        } catch (IOException e) {
            throw new FilesystemException("cannot update " + settings.layout().repositoriesFile(), e);
        }
    }

    /** Loads every repository; {@code refresh} fetches http indexes even when a cached copy exists. */
    public List<LoadedRepository> load(List<RepositoryEntry> entries, boolean refresh, Fetcher fetcher)
            throws IsnException {
        List<LoadedRepository> loaded = new ArrayList<>();
        for (RepositoryEntry e : entries) {
            loaded.add(new LoadedRepository(e, load(e, refresh, fetcher)));
        }
        return loaded;
    }

    /** The verified index of {@code entry} from its folder or the cache, never fetched; empty when not cached. */
    public List<LoadedRepository> loadCachedOnly(RepositoryEntry entry) throws IsnException {
        if (!entry.isLocal() && !Files.exists(cacheDir.resolve(IndexTrust.key(entry.uri().toString()))
                .resolve(IndexBuilder.INDEX_FILE))) {
            session.settings().listener().on(new EngineEvent.Warning("no cached index for " + entry.uri()
                    + ": run 'isn update'"));
            return List.of();
        }
        return List.of(new LoadedRepository(entry, load(entry, false, null)));
    }

    private RepoIndex load(RepositoryEntry entry, boolean refresh, Fetcher fetcher) throws IsnException {
        String url = entry.uri().toString();
        Optional<RepositoryState> state = state(url);
        OptionalLong last = state.map(s -> OptionalLong.of(s.serial())).orElse(OptionalLong.empty());
        Validators known = state.map(s -> new Validators(s.etag(), s.lastModified())).orElse(Validators.NONE);
        RepoIndex index;
        Validators validators = known;
        if (entry.isLocal()) {
            index = trust.read(url, Path.of(entry.uri()).resolve(IndexBuilder.INDEX_FILE), last);
        } else {
            Path dir = cacheDir.resolve(IndexTrust.key(url));
            Path json = dir.resolve(IndexBuilder.INDEX_FILE);
            boolean cached = Files.exists(json) && Files.exists(IndexReader.signatureOf(json));
            Path incoming = dir.resolve("incoming");
            Path fresh = incoming.resolve(IndexBuilder.INDEX_FILE);
            if ((refresh || !cached) && fetch(entry.uri(), fresh, cached ? known : Validators.NONE, fetcher)) {
                index = trust.read(url, fresh, last);
                validators = fetchedValidators;
                // Only a verified index replaces the cached one: a refused download never evicts a good copy.
                move(IndexReader.signatureOf(fresh), IndexReader.signatureOf(json));
                move(fresh, json);
            } else {
                index = trust.read(url, json, last);
            }
        }
        boolean unchanged = last.isPresent() && last.getAsLong() == index.serial();
        if (refresh || !unchanged || !validators.equals(known)) {
            // An install reading the same cached index learns nothing: writing only the time would
            // make a failed install change the database.
            record(url, index, validators);
        }
        session.settings().listener().on(new EngineEvent.IndexUpdated(url, index.serial(), index.packages().size(),
                unchanged));
        return index;
    }

    private Validators fetchedValidators = Validators.NONE;

    /** Fetches index.json and its signature to {@code json}; false when the server says the cache is current. */
    private boolean fetch(URI base, Path json, Validators validators, Fetcher fetcher) throws IsnException {
        try {
            Files.createDirectories(json.getParent());
        } catch (IOException e) {
            throw new FilesystemException("cannot create " + json.getParent(), e);
        }
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        FetchResult r = fetcher.fetch(FetchRequest.of(URI.create(b + IndexBuilder.INDEX_FILE), json, MAX_INDEX)
                .withValidators(validators));
        if (r.status() == FetchResult.Status.NOT_MODIFIED) {
            return false;
        }
        fetcher.fetch(FetchRequest.of(URI.create(b + IndexBuilder.INDEX_FILE + IndexReader.SIGNATURE_SUFFIX),
                IndexReader.signatureOf(json), MAX_SIGNATURE));
        fetchedValidators = r.validators();
        return true;
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
