package dev.kimigayo.isn.core.fetch;

import java.net.URI;

import dev.kimigayo.isn.core.IsnException;

/**
 * A server offered or sent more bytes than the cap allows (the signed size, or the fixed cap
 * for indexes): the endless-data defence. Counted as an integrity failure, never retried.
 */
public final class SizeLimitExceededException extends IsnException {

    private final URI url;
    private final long limit;
    private final long announced;

    /** Reports that {@code url} exceeded {@code limit}; {@code announced} is its Content-Length or -1. */
    public SizeLimitExceededException(URI url, long limit, long announced) {
        super((announced > limit
                ? url + " announces " + announced + " bytes, more than the " + limit + " allowed"
                : url + " sent more than the " + limit + " bytes allowed")
                + "; the download was stopped and discarded. The index may be stale (run 'isn update')"
                + " or the server is misbehaving or hostile");
        this.url = url;
        this.limit = limit;
        this.announced = announced;
    }

    /** The URL that sent too much. */
    public URI url() {
        return url;
    }

    /** The most bytes that were allowed. */
    public long limit() {
        return limit;
    }

    /** The Content-Length the server announced, or -1 when it announced none or a smaller one. */
    public long announced() {
        return announced;
    }

    @Override
    public String code() {
        return "too-large";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
