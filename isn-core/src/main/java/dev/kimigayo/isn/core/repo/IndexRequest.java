package dev.kimigayo.isn.core.repo;

import java.nio.file.Path;
import java.time.Duration;

import dev.kimigayo.isn.crypto.Ed25519SecretKey;

/**
 * What {@code isn index} is asked to do: index every {@code *.isn} in {@code repoDir}, sign with
 * {@code key}, valid for {@code validity}; {@code name} and {@code description} describe the
 * repository (the name defaults to the folder's name).
 */
public record IndexRequest(Path repoDir, Ed25519SecretKey key, Duration validity, String name, String description) {

    /** A request with the default validity and the folder's name as repository name. */
    public static IndexRequest of(Path repoDir, Ed25519SecretKey key) {
        return new IndexRequest(repoDir, key, ExpiryDuration.DEFAULT, null, "");
    }

    /** Fills the defaults: the folder's name, an empty description. */
    public IndexRequest {
        if (name == null || name.isEmpty()) {
            Path fileName = repoDir.toAbsolutePath().normalize().getFileName();
            name = fileName == null ? "repository" : fileName.toString();
        }
        if (description == null) {
            description = "";
        }
    }

    /** A copy with another validity. */
    public IndexRequest withValidity(Duration newValidity) {
        return new IndexRequest(repoDir, key, newValidity, name, description);
    }
}
