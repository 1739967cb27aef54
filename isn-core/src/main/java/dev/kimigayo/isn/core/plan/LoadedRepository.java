package dev.kimigayo.isn.core.plan;

import java.net.URI;

import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repo.RepoIndex;

/** A configured repository with its verified index. */
public record LoadedRepository(RepositoryEntry entry, RepoIndex index) {

    /** The repository URL as configured, the key of its state in the database. */
    public String url() {
        return entry.uri().toString();
    }

    /** Where the package file of {@code e} is: the file name resolved against the repository URL. */
    public URI packageUri(IndexEntry e) {
        String base = url().endsWith("/") ? url() : url() + "/";
        return URI.create(base).resolve(e.file());
    }
}
