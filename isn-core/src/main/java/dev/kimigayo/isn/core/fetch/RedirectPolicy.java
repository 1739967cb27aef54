package dev.kimigayo.isn.core.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * Which redirects the fetcher follows: at most a configured number per attempt, only to the same
 * host, and never from https down to http. A repository that moved to another host must be
 * configured with its new URL: silently following it would let anyone who can answer for the
 * old host choose where packages come from, and would hide the move from the administrator.
 */
final class RedirectPolicy {

    private RedirectPolicy() {
    }

    /** Whether {@code status} is a redirect the fetcher considers following. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The absolute target of a redirect from {@code from} with header {@code location}, if allowed. */
    static URI follow(URI from, String location, int followed, int max) throws FetchException {
        if (location == null || location.isBlank()) {
            throw refused(from, "answered a redirect without a Location header");
        }
        URI to;
        try {
            to = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw refused(from, "redirects to a malformed URL '" + location + "'");
        }
        if (followed >= max) {
            throw refused(from, "redirects more than " + max + " times (last to " + to + ")");
        }
        String fromScheme = from.getScheme().toLowerCase(Locale.ROOT);
        String toScheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!toScheme.equals("http") && !toScheme.equals("https")) {
            throw refused(from, "redirects to " + to + ", which is not an http(s) URL");
        }
        if (fromScheme.equals("https") && toScheme.equals("http")) {
            throw refused(from, "redirects to " + to + ", a downgrade from https to http");
        }
        String fromHost = from.getHost() == null ? "" : from.getHost().toLowerCase(Locale.ROOT);
        String toHost = to.getHost() == null ? "" : to.getHost().toLowerCase(Locale.ROOT);
        if (!fromHost.equals(toHost)) {
            throw refused(from, "redirects to " + to + " on another host (" + fromHost + " -> " + toHost
                    + "); if the repository moved, put its new URL in etc/isn/repositories");
        }
        return to;
    }

    private static FetchException refused(URI from, String what) {
        return new FetchException(from, FetchException.Reason.REDIRECT_REFUSED, -1, 1,
                "refusing redirect: " + from + " " + what, null);
    }
}
