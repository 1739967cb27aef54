package dev.kimigayo.isn.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * One line of {@code etc/isn/repositories}: a repository location and, when the line starts
 * with {@code @tag}, the tag that makes it usable only for {@code name@tag} requests.
 */
public record RepositoryEntry(Optional<String> tag, URI uri) {

    /** An untagged repository. */
    public static RepositoryEntry of(URI uri) {
        return new RepositoryEntry(Optional.empty(), uri);
    }

    /** True for a {@code file:} repository on the local filesystem. */
    public boolean isLocal() {
        return "file".equals(uri.getScheme());
    }

    /** The line that represents this entry in the repositories file. */
    public String toLine() {
        return tag.map(t -> "@" + t + " ").orElse("") + uri;
    }
}
