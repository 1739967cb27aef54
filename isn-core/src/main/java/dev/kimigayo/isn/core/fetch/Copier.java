package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/** The copy loop shared by every scheme: read a chunk, check cancellation, write, report progress. */
final class Copier {

    private static final int CHUNK = 64 * 1024;

    private Copier() {
    }

    /** Opens the temporary file for {@code r}, reporting a failure as a WRITE fetch error. */
    static BodySink openSink(FetchRequest r, URI uri) throws FetchException {
        try {
            return new BodySink(r, uri);
        } catch (IOException e) {
            throw writeFailure(r, uri, e);
        }
    }

    /**
     * Copies {@code in} to {@code sink} until end of stream. Read errors become whatever
     * {@code readFailure} says (truncated, stalled); write errors are WRITE failures.
     */
    static void copy(InputStream in, BodySink sink, FetchRequest r, URI uri, long total, FetchListener listener,
            BooleanSupplier cancelled, Runnable onBytes, Function<IOException, FetchException> readFailure)
            throws FetchException, SizeLimitExceededException {
        byte[] buf = new byte[CHUNK];
        listener.progress(r, 0, total);
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw HttpTransfer.fail(uri, Reason.CANCELLED, "fetching " + uri + " was cancelled", null);
            }
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                throw readFailure.apply(e);
            }
            if (n < 0) {
                return;
            }
            onBytes.run();
            try {
                sink.write(buf, n);
            } catch (IOException e) {
                throw writeFailure(r, uri, e);
            }
            listener.progress(r, sink.bytes(), total);
        }
    }

    /** Verifies and renames the download into place, reporting a rename failure as WRITE. */
    static String commit(BodySink sink, URI uri) throws FetchException, DigestMismatchException {
        try {
            return sink.commit();
        } catch (IOException e) {
            throw HttpTransfer.fail(uri, Reason.WRITE, "cannot store the download of " + uri + ": "
                    + HttpTransfer.describe(e) + "; check free space and permissions", e);
        }
    }

    private static FetchException writeFailure(FetchRequest r, URI uri, IOException e) {
        return HttpTransfer.fail(uri, Reason.WRITE, "cannot write the download of " + uri + " next to "
                + r.destination() + ": " + HttpTransfer.describe(e) + "; check free space and permissions", e);
    }
}
