package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/** Streams one 200 response body into a {@link BodySink}, watching for stalls, truncation and the cap. */
final class BodyReceiver {

    private final FetchRequest request;
    private final URI uri;
    private final ScheduledExecutorService timer;
    private final Duration stallTimeout;

    BodyReceiver(FetchRequest request, URI uri, ScheduledExecutorService timer, Duration stallTimeout) {
        this.request = request;
        this.uri = uri;
        this.timer = timer;
        this.stallTimeout = stallTimeout;
    }

    FetchResult receive(HttpResponse<InputStream> response, int attempt, FetchListener listener,
            BooleanSupplier cancelled) throws IsnException {
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        InputStream in = response.body();
        if (length > request.maxBytes()) {
            HttpTransfer.closeQuietly(in);
            throw new SizeLimitExceededException(uri, request.maxBytes(), length);
        }
        try (in; BodySink sink = Copier.openSink(request, uri);
                StallWatchdog dog = new StallWatchdog(timer, stallTimeout, in)) {
            Copier.copy(in, sink, request, uri, length, listener, cancelled, dog::touch,
                    e -> dog.stalled() ? stalled(sink.bytes(), length, e) : truncated(sink.bytes(), length, e));
            if (dog.stalled()) {
                throw stalled(sink.bytes(), length, null);
            }
            if (length >= 0 && sink.bytes() != length) {
                throw truncated(sink.bytes(), length, null);
            }
            String sha = Copier.commit(sink, uri);
            Validators v = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new FetchResult(request.url(), request.destination(), FetchResult.Status.FETCHED, sink.bytes(),
                    sha, v, attempt);
        } catch (IOException e) {
            // Only closing the response or the sink's temp file can land here.
            throw HttpTransfer.fail(uri, Reason.WRITE, "cannot clean up after " + uri + ": " + e.getMessage(), e);
        }
    }

    private FetchException stalled(long bytes, long length, Throwable cause) {
        return HttpTransfer.fail(uri, Reason.STALLED, "no data from " + uri + " for " + HttpTransfer.seconds(stallTimeout)
                + " after " + of(bytes, length) + "; the server or network stalled: try again later, or give a slow link more time with --timeout", cause);
    }

    private FetchException truncated(long bytes, long length, Throwable cause) {
        return HttpTransfer.fail(uri, Reason.TRUNCATED, "connection closed early by " + uri + " after "
                + of(bytes, length) + (cause == null ? "" : " (" + HttpTransfer.describe(cause) + ")")
                + "; try again later or use another mirror", cause);
    }

    private static String of(long bytes, long length) {
        return length >= 0 ? bytes + " of " + length + " bytes" : bytes + " bytes";
    }
}
