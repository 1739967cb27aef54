package dev.kimigayo.isn.core.repos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.fetch.FetchRequest;
import dev.kimigayo.isn.core.fetch.FetchResult;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.fetch.Validators;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.IndexReader;
import dev.kimigayo.isn.core.session.FilesystemException;

/**
 * Downloads a repository's {@code index.json} and its signature into a staging folder, from the
 * first of the repository's URLs (mirrors) that delivers. Nothing here trusts the bytes: the
 * caller verifies them before they replace the cached copy.
 */
public final class IndexFetch {

    private static final long MAX_INDEX = dev.kimigayo.isn.core.repo.IndexJsonParser.MAX_SIZE;
    private static final long MAX_SIGNATURE = 64 * 1024;

    private IndexFetch() {
    }

    /** What a fetch brought: a new index (with the validators to send next time) or "not modified". */
    record Fetched(boolean changed, Validators validators) {
    }

    /**
     * Fetches the index of {@code entry} to {@code json} (signature beside it), sending
     * {@code validators} of the cached copy; {@code changed} false when the server says it is current.
     */
    static Fetched fetch(RepositoryEntry entry, Path json, Validators validators, Fetcher fetcher)
            throws IsnException {
        try {
            Files.createDirectories(json.getParent());
        } catch (IOException e) {
            throw new FilesystemException("cannot create " + json.getParent(), e);
        }
        List<URI> urls = entry.urls();
        FetchResult r = fetcher.fetch(request(urls, IndexBuilder.INDEX_FILE, json, MAX_INDEX).withValidators(validators));
        if (r.status() == FetchResult.Status.NOT_MODIFIED) {
            return new Fetched(false, r.validators());
        }
        // The signature from the server that sent the index first: a mirror a sync behind would
        // pair an old signature with a new index.
        List<URI> sigOrder = new java.util.ArrayList<>(urls);
        for (URI u : urls) {
            if (resolve(u, IndexBuilder.INDEX_FILE).equals(r.url())) {
                sigOrder.remove(u);
                sigOrder.add(0, u);
            }
        }
        fetcher.fetch(request(sigOrder, IndexBuilder.INDEX_FILE + IndexReader.SIGNATURE_SUFFIX,
                IndexReader.signatureOf(json), MAX_SIGNATURE));
        return new Fetched(true, r.validators());
    }

    /** The file {@code name} under each of {@code bases}, the first as the request's URL and the rest as mirrors. */
    public static FetchRequest request(List<URI> bases, String name, Path destination, long max) {
        List<URI> files = bases.stream().map(b -> resolve(b, name)).toList();
        return FetchRequest.of(files.get(0), destination, max).withMirrors(files.subList(1, files.size()));
    }

    /** {@code name} resolved against a repository URL that may lack its trailing slash. */
    static URI resolve(URI base, String name) {
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(b).resolve(name);
    }
}
