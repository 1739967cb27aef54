package dev.kimigayo.isn.core.repo;

/**
 * What an index says about its repository: a short name (shown in messages) and an optional
 * one-line description (empty when absent).
 */
public record RepositoryInfo(String name, String description) {

    /** Checks that both values are present (the description may be empty). */
    public RepositoryInfo {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("repository name is empty");
        }
        if (description == null) {
            description = "";
        }
    }
}
