package dev.kimigayo.isn.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of {@code etc/isn/repositories}: a repository location, its mirrors (further URLs on
 * the same line, tried in order when the one before fails) and, when the line starts with
 * {@code @tag}, the tag that makes it usable only for {@code name@tag} requests. The first URL is
 * the repository's identity: its cache folder and its accepted serial are kept under it, so
 * whichever mirror served the index, rollback and expiry are judged against one history.
 */
public record RepositoryEntry(Optional<String> tag, URI uri, List<URI> mirrors) {

    /** Freezes the mirror list. */
    public RepositoryEntry {
        mirrors = List.copyOf(mirrors);
    }

    /** A repository without mirrors. */
    public RepositoryEntry(Optional<String> tag, URI uri) {
        this(tag, uri, List.of());
    }

    /** An untagged repository. */
    public static RepositoryEntry of(URI uri) {
        return new RepositoryEntry(Optional.empty(), uri);
    }

    /** True for a {@code file:} repository on the local filesystem. */
    public boolean isLocal() {
        return "file".equals(uri.getScheme());
    }

    /** Every URL of the repository, the first one first. */
    public List<URI> urls() {
        List<URI> all = new ArrayList<>(mirrors.size() + 1);
        all.add(uri);
        all.addAll(mirrors);
        return all;
    }

    /** The line that represents this entry in the repositories file. */
    public String toLine() {
        return tag.map(t -> "@" + t + " ").orElse("")
                + urls().stream().map(URI::toString).collect(Collectors.joining(" "));
    }

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof RepositoryEntry o
                && Objects.equals(tag, o.tag)
                && Objects.equals(uri, o.uri)
                && Objects.equals(mirrors, o.mirrors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, uri, mirrors);
    }
}
