package dev.kimigayo.isn.core.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One file to download: where from ({@code http}, {@code https} or {@code file} URL), where to,
 * the most bytes to accept (the size from the signed index, or a fixed cap for an index), and
 * optionally the SHA-256 it must have, the validators of the copy already held, and mirrors:
 * other URLs of the same file, tried in order when {@code url} cannot deliver it.
 */
public record FetchRequest(URI url, Path destination, long maxBytes, String expectedSha256, Validators validators,
        List<URI> mirrors) {

    private static final Set<String> SCHEMES = Set.of("http", "https", "file");

    /** Checks the values; normalises the hash to lower case and absent validators to {@link Validators#NONE}. */
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(destination, "destination");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("unsupported URL scheme (use http, https or file): " + url);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        if (expectedSha256 != null) {
            expectedSha256 = expectedSha256.toLowerCase(Locale.ROOT);
            if (!expectedSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 in hex: " + expectedSha256);
            }
        }
        validators = validators == null ? Validators.NONE : validators;
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        for (URI m : mirrors) {
            String ms = m.getScheme() == null ? "" : m.getScheme().toLowerCase(Locale.ROOT);
            if (!ms.equals("http") && !ms.equals("https")) {
                throw new IllegalArgumentException("a mirror must be an http(s) URL: " + m);
            }
        }
    }

    /** An unconditional request with no expected hash. */
    public static FetchRequest of(URI url, Path destination, long maxBytes) {
        return new FetchRequest(url, destination, maxBytes, null, Validators.NONE, List.of());
    }

    /** A copy that must hash to {@code sha256Hex} (64 hex digits). */
    public FetchRequest withSha256(String sha256Hex) {
        return new FetchRequest(url, destination, maxBytes, sha256Hex, validators, mirrors);
    }

    /**
     * A copy that sends {@code cached}'s validators, answering NOT_MODIFIED when the server agrees.
     * Pass them only while the copy they describe still exists (it need not be the destination).
     */
    public FetchRequest withValidators(Validators cached) {
        return new FetchRequest(url, destination, maxBytes, expectedSha256, cached, mirrors);
    }

    /** A copy that may also be fetched from {@code urls} (http or https), tried in this order after {@code url}. */
    public FetchRequest withMirrors(List<URI> urls) {
        return new FetchRequest(url, destination, maxBytes, expectedSha256, validators, urls);
    }

    /** Every URL of the file: {@code url}, then the mirrors. */
    public List<URI> candidates() {
        List<URI> all = new ArrayList<>(mirrors.size() + 1);
        all.add(url);
        all.addAll(mirrors);
        return all;
    }

    /** The same request for the copy at {@code other} (one of the candidates), without mirrors. */
    FetchRequest at(URI other) {
        return new FetchRequest(other, destination, maxBytes, expectedSha256, validators, List.of());
    }

    /** The URL scheme in lower case. */
    String scheme() {
        return url.getScheme().toLowerCase(Locale.ROOT);
    }
}
