package dev.kimigayo.isn.core.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which servers failed during this run. A mirror that refused a connection or stalled once is
 * tried last for every later file, so a run with a dead first mirror pays its timeout once, not
 * once per package. Servers are told apart by scheme, host and port.
 */
final class MirrorHealth {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** {@code urls} with the servers that failed in this run moved to the end, order otherwise kept. */
    List<URI> order(List<URI> urls) {
        if (urls.size() < 2 || failing.isEmpty()) {
            return urls;
        }
        List<URI> good = new ArrayList<>();
        List<URI> bad = new ArrayList<>();
        for (URI u : urls) {
            (failing.contains(origin(u)) ? bad : good).add(u);
        }
        good.addAll(bad);
        return good;
    }

    /** Records that {@code url}'s server could not deliver (connection, stall, 5xx). */
    void failed(URI url) {
        failing.add(origin(url));
    }

    /** Records that {@code url}'s server delivered. */
    void worked(URI url) {
        failing.remove(origin(url));
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
