package dev.kimigayo.isn.db;

/** An installed path together with the name of the package that owns it. */
public record OwnedFile(String owner, InstalledFile file) {
}
