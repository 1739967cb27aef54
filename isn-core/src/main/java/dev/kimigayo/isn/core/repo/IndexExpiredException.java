package dev.kimigayo.isn.core.repo;

import java.time.Instant;


/** A correctly signed index whose {@code expires} time has passed: a possible freeze attack. */
public final class IndexExpiredException extends IndexException {

    private final String source;
    private final Instant expires;
    private final Instant now;

    /** Creates the refusal of the index read from {@code source}. */
    public IndexExpiredException(String source, Instant expires, Instant now) {
        super("index expired at " + expires + " (now " + now + "), " + source
                + ": the repository has not been re-indexed in time; ask its maintainer to run"
                + " 'isn index' again, or use another mirror");
        this.source = source;
        this.expires = expires;
        this.now = now;
    }

    /** Where the index came from (a URL or a path). */
    public String source() {
        return source;
    }

    /** The expiry time written in the index. */
    public Instant expires() {
        return expires;
    }

    /** The time of the check. */
    public Instant now() {
        return now;
    }

    @Override
    public String code() {
        return "index-expired";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
