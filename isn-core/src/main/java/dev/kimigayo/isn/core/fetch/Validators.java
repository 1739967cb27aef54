package dev.kimigayo.isn.core.fetch;

/**
 * HTTP cache validators of a previously fetched file, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so an unchanged file costs one 304 answer. Either may be null.
 */
public record Validators(String etag, String lastModified) {

    /** No validators: an unconditional fetch. */
    public static final Validators NONE = new Validators(null, null);

    /** Whether neither validator is present. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
