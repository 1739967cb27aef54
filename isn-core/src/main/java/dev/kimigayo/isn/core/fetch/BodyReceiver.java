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

/**
 * Streams one 200 (whole file) or 206 (the rest after {@code offset}) response body into a
 * {@link BodySink}, watching for stalls, truncation and the cap. When the connection drops after
 * some bytes and the response named a validator, the bytes are kept in the {@link Partial} so
 * the next attempt asks only for the rest.
 */
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
            BooleanSupplier cancelled, Partial partial, long offset) throws IsnException {
        long remaining = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        long length = remaining < 0 ? -1 : offset + remaining;
        InputStream in = response.body();
        if (length > request.maxBytes()) {
            HttpTransfer.closeQuietly(in);
            throw new SizeLimitExceededException(uri, request.maxBytes(), length);
        }
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        String validator = Partial.validatorOf(etag, lastModified);
        if (validator == null && offset > 0) {
            validator = partial.validator();
        }
        try (in; BodySink sink = open(partial, offset);
                StallWatchdog dog = new StallWatchdog(timer, stallTimeout, in, cancelled)) {
            try {
                Copier.copy(in, sink, request, uri, length, listener, cancelled, dog::touch,
                        e -> cancelled.getAsBoolean() ? HttpTransfer.fail(uri, Reason.CANCELLED, "fetching " + uri
                                + " was cancelled", e)
                                : dog.stalled() ? stalled(sink.bytes(), length, e) : truncated(sink.bytes(), length, e));
                if (dog.stalled()) {
                    throw stalled(sink.bytes(), length, null);
                }
                if (length >= 0 && sink.bytes() != length) {
                    throw truncated(sink.bytes(), length, null);
                }
            } catch (FetchException e) {
                if (e.retryable() && validator != null && sink.bytes() > 0) {
                    sink.keep();
                    partial.hold(sink.temp(), sink.bytes(), validator);
                }
                throw e;
            }
            String sha = Copier.commit(sink, uri);
            return new FetchResult(request.url(), request.destination(), FetchResult.Status.FETCHED, sink.bytes(),
                    sha, new Validators(etag, lastModified), attempt);
        } catch (IOException e) {
            // Only closing the response or the sink's temp file can land here.
            throw HttpTransfer.fail(uri, Reason.WRITE, "cannot clean up after " + uri + ": " + e.getMessage(), e);
        }
    }

    private BodySink open(Partial partial, long offset) throws IsnException {
        if (offset == 0) {
            return Copier.openSink(request, uri);
        }
        try {
            return new BodySink(request, uri, partial.take(), offset);
        } catch (IOException e) {
            throw HttpTransfer.fail(uri, Reason.WRITE, "cannot resume the download of " + uri + ": "
                    + HttpTransfer.describe(e), e);
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
