package dev.kimigayo.isn.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.RepositoriesFile;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.RepositoryIoException;
import dev.kimigayo.isn.core.session.DownloadProgress;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;

/**
 * One repository's index, read and verified the way the engine trusts indexes (trusted keys,
 * expiry), without a root: for repository tools such as {@code isn check}. No serial is
 * remembered, so there is no rollback check; a remote index is fetched to a temporary folder
 * deleted afterwards, never into a cache.
 */
public final class SingleRepository {

    private SingleRepository() {
    }

    /** Loads the index of {@code location}: a repository folder, a {@code file:} or an {@code http(s):} URL. */
    public static LoadedRepository load(EngineSettings settings, String location) throws IsnException {
        String url = location.contains(":/") ? location : Path.of(location).toAbsolutePath().normalize().toUri().toString();
        RepositoryEntry entry = RepositoriesFile.parseArgument(url);
        IndexTrust trust = IndexTrust.load(settings);
        if (entry.isLocal()) {
            Path json = Path.of(entry.uri()).resolve(IndexBuilder.INDEX_FILE);
            if (!Files.exists(json)) {
                throw new RepositoryIoException("no index at " + json + "; check the path, or run 'isn index' there",
                        null);
            }
            return new LoadedRepository(entry, trust.read(entry.uri().toString(), json, OptionalLong.empty()));
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("isn-check");
        } catch (IOException e) {
            throw new FilesystemException("cannot create a temporary folder for the index", e);
        }
        try (Fetcher fetcher = new Fetcher(settings.fetch(), new DownloadProgress(settings.listener()))) {
            Path json = scratch.resolve(IndexBuilder.INDEX_FILE);
            IndexFetch.fetch(entry, json, dev.kimigayo.isn.core.fetch.Validators.NONE, fetcher);
            return new LoadedRepository(entry, trust.read(entry.uri().toString(), json, OptionalLong.empty()));
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path dir) throws FilesystemException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new FilesystemException("cannot delete the temporary folder " + dir, e);
        }
    }
}
