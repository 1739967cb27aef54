package dev.kimigayo.isn.db;

import java.time.Instant;
import java.util.Objects;

/**
 * What isn last accepted from one repository, for rollback/freeze checks and conditional GET.
 *
 * @param url          the repository URL as written in {@code etc/isn/repositories}
 * @param serial       serial of the last accepted signed index
 * @param etag         the ETag of that response, may be null
 * @param lastModified the Last-Modified header of that response, verbatim, may be null
 * @param fetchedAt    when the index was fetched (or confirmed unchanged)
 * @param expiresAt    the signed index's expiry, may be null
 */
public record RepositoryState(String url, long serial, String etag, String lastModified,
                              Instant fetchedAt, Instant expiresAt) {

    /** Validates the components. */
    public RepositoryState {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
