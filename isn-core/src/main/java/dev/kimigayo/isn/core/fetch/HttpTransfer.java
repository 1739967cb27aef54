package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLException;
import java.util.function.BooleanSupplier;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/** One attempt at an {@code http(s)://} request: redirects, conditional GET, status handling. */
final class HttpTransfer {

    private final HttpClient client;
    private final FetchSettings settings;
    private final ScheduledExecutorService timer;

    HttpTransfer(HttpClient client, FetchSettings settings, ScheduledExecutorService timer) {
        this.client = client;
        this.settings = settings;
        this.timer = timer;
    }

    /**
     * Runs one attempt (redirects included) and returns its result, or throws why it failed. When
     * {@code partial} holds bytes of an earlier attempt, asks only for the rest ({@code Range},
     * {@code If-Range}); a server that answers with the whole file starts it over.
     */
    FetchResult attempt(FetchRequest r, int attempt, FetchListener listener, BooleanSupplier cancelled,
            Partial partial) throws IsnException {
        // The caller decides: it may keep the copy the validators describe somewhere other than
        // the destination (e.g. fetch an index into a staging file, verify, then replace).
        boolean conditional = !r.validators().isEmpty();
        URI uri = r.url();
        for (int followed = 0; ; followed++) {
            long offset = partial.present() ? partial.bytes() : 0;
            HttpResponse<InputStream> response = send(uri, r, conditional, partial);
            int status = response.statusCode();
            if (status == 200 || status == 206 && offset > 0 && startsAt(response, offset)) {
                if (status == 200) {
                    discard(partial, uri);
                }
                return new BodyReceiver(r, uri, timer, settings.stallTimeout())
                        .receive(response, attempt, listener, cancelled, partial, status == 206 ? offset : 0);
            }
            closeQuietly(response.body());
            if (offset > 0 && (status == 206 || status == 416)) {
                // A range we did not ask for, or the file shrank: start over with the whole file.
                discard(partial, uri);
                followed--;
            } else if (RedirectPolicy.isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                uri = RedirectPolicy.follow(uri, location, followed, settings.maxRedirects());
            } else if (status == 304 && conditional) {
                Validators v = new Validators(
                        response.headers().firstValue("ETag").orElse(r.validators().etag()),
                        response.headers().firstValue("Last-Modified").orElse(r.validators().lastModified()));
                return new FetchResult(r.url(), r.destination(), FetchResult.Status.NOT_MODIFIED, 0, null, v, attempt);
            } else {
                throw statusError(uri, status);
            }
        }
    }

    /** Whether a 206 answer continues exactly where the held bytes end ({@code Content-Range: bytes N-…}). */
    private static boolean startsAt(HttpResponse<InputStream> response, long offset) {
        String range = response.headers().firstValue("Content-Range").orElse("");
        return range.startsWith("bytes " + offset + "-");
    }

    private static void discard(Partial partial, URI uri) throws FetchException {
        try {
            partial.discard();
        } catch (IOException e) {
            throw fail(uri, Reason.WRITE, "cannot delete the partial download of " + uri + ": " + describe(e), e);
        }
    }

    private HttpResponse<InputStream> send(URI uri, FetchRequest r, boolean conditional, Partial partial)
            throws FetchException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.stallTimeout())
                .header("User-Agent", settings.userAgent());
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // No h2c upgrade dance over plain HTTP: some proxies and servers mishandle it.
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (conditional && r.validators().etag() != null) {
            b.header("If-None-Match", r.validators().etag());
        }
        if (conditional && r.validators().lastModified() != null) {
            b.header("If-Modified-Since", r.validators().lastModified());
        }
        if (partial.present()) {
            b.header("Range", "bytes=" + partial.bytes() + "-");
            b.header("If-Range", partial.validator());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw fail(uri, Reason.CONNECT, "could not connect to " + uri.getHost() + " within "
                    + seconds(settings.connectTimeout()) + " to fetch " + uri + "; " + NETWORK_HINT, e);
        } catch (HttpTimeoutException e) {
            throw fail(uri, Reason.STALLED, "no response to " + uri + " within " + seconds(settings.stallTimeout())
                    + "; the server is overloaded or unreachable: try again later, or allow longer with --timeout", e);
        } catch (ConnectException e) {
            throw fail(uri, Reason.CONNECT, "cannot connect to fetch " + uri + " (" + describe(e) + "); "
                    + NETWORK_HINT, e);
        } catch (IOException e) {
            if (causedBy(e, SSLException.class)) {
                // Not transient: retrying an untrusted certificate only wastes the backoff time.
                throw fail(uri, Reason.TLS, "TLS handshake with " + uri.getHost() + " failed for " + uri + " ("
                        + describe(e) + "); check that the URL is right and the server's certificate is trusted"
                        + " by this Java runtime's CA certificates", e);
            }
            throw fail(uri, Reason.IO, "request for " + uri + " failed (" + describe(e) + "); " + NETWORK_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(uri, Reason.CANCELLED, "fetching " + uri + " was cancelled", e);
        }
    }

    static final String NETWORK_HINT =
            "check the repository URL in etc/isn/repositories, the network, and HTTP_PROXY/HTTPS_PROXY/NO_PROXY";

    static FetchException fail(URI uri, Reason reason, String message, Throwable cause) {
        return new FetchException(uri, reason, -1, 1, message, cause);
    }

    static String describe(Throwable e) {
        return dev.kimigayo.isn.core.IoMessages.describe(e);
    }

    /** A duration for messages: "30 s", or "400 ms" below a second. */
    static String seconds(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The response is abandoned anyway.
        }
    }

    private static FetchException statusError(URI uri, int status) {
        String advice;
        if (status == 404 || status == 410) {
            advice = "not found: check the repository URL, or run 'isn update' if the index is out of date";
        } else if (status == 401 || status == 403) {
            advice = "access denied: check the repository URL and the server's permissions";
        } else if (status >= 500) {
            advice = "the server is failing: try again later or use another mirror";
        } else {
            advice = "the server refused the request: check the repository URL";
        }
        return new FetchException(uri, Reason.HTTP_STATUS, status, 1,
                uri + " answered HTTP " + status + " (" + advice + ")", null);
    }
}
