package dev.kimigayo.isn.core.archive;

import java.nio.file.Path;

/** A payload entry found in a source directory: its manifest line and the file it comes from. */
record SourceEntry(ManifestEntry entry, Path file) {
}
