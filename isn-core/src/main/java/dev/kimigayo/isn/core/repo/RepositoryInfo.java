package dev.kimigayo.isn.core.repo;

import java.util.Objects;

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

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof RepositoryInfo o
                && Objects.equals(name, o.name)
                && Objects.equals(description, o.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description);
    }
}
