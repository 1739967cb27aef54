package dev.kimigayo.isn.core.repo;

import java.nio.file.Path;

/** What {@code isn index} wrote: the index and the paths of {@code index.json} and its signature. */
public record IndexResult(RepoIndex index, Path indexFile, Path signatureFile) {
}
