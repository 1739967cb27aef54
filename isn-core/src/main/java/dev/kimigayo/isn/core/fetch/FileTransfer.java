package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/**
 * One attempt at a {@code file://} request, with the same cap, hash and temp-then-rename rules
 * as HTTP. The file's modification time stands in for Last-Modified, so conditional fetches of
 * a local repository answer NOT_MODIFIED too.
 */
final class FileTransfer {

    private FileTransfer() {
    }

    static FetchResult attempt(FetchRequest r, int attempt, FetchListener listener, BooleanSupplier cancelled)
            throws IsnException {
        Path source;
        try {
            source = Path.of(r.url());
        } catch (IllegalArgumentException e) {
            throw HttpTransfer.fail(r.url(), Reason.NOT_FOUND, "not a usable file URL: " + r.url()
                    + " (" + e.getMessage() + "); write it as file:///absolute/path", e);
        }
        try {
            String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Files.getLastModifiedTime(source).toInstant().atOffset(ZoneOffset.UTC));
            long size = Files.size(source);
            Validators current = new Validators(null, modified);
            if (modified.equals(r.validators().lastModified())) {
                return new FetchResult(r.url(), r.destination(), FetchResult.Status.NOT_MODIFIED, 0, null, current,
                        attempt);
            }
            if (size > r.maxBytes()) {
                throw new SizeLimitExceededException(r.url(), r.maxBytes(), size);
            }
            try (InputStream in = Files.newInputStream(source); BodySink sink = Copier.openSink(r, r.url())) {
                Copier.copy(in, sink, r, r.url(), size, listener, cancelled, () -> { }, e -> readFailure(r, e));
                String sha = Copier.commit(sink, r.url());
                return new FetchResult(r.url(), r.destination(), FetchResult.Status.FETCHED, sink.bytes(), sha,
                        current, attempt);
            }
        } catch (NoSuchFileException e) {
            throw HttpTransfer.fail(r.url(), Reason.NOT_FOUND, "no such file: " + source
                    + "; check the repository path, or run 'isn update' if the index is out of date", e);
        } catch (IOException e) {
            throw readFailure(r, e);
        }
    }

    private static FetchException readFailure(FetchRequest r, IOException e) {
        return HttpTransfer.fail(r.url(), Reason.IO, "cannot read " + r.url() + ": " + HttpTransfer.describe(e), e);
    }
}
