package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;

import dev.kimigayo.isn.core.IsnException;

/**
 * Receives each payload entry of a package as the reader streams it, in payload order. The
 * entry has already been checked against the signed manifest (path, type, mode, owner, link);
 * the content's hash is checked as it is read: the stream throws at its end if the bytes differ
 * from the manifest, and the reader checks again after {@code accept} returns. A sink that
 * writes to disk must therefore treat any exception from the reader as "discard what you wrote".
 */
@FunctionalInterface
public interface EntrySink {

    /** A sink that reads and discards every entry: what {@code isn verify} uses. */
    EntrySink DISCARD = (entry, content) -> content.transferTo(java.io.OutputStream.nullOutputStream());

    /**
     * Handles one entry. {@code content} holds the file's bytes for {@link EntryType#FILE} and is
     * empty for other types; it need not be read to the end and must not be closed.
     */
    void accept(ManifestEntry entry, InputStream content) throws IOException, IsnException;
}
