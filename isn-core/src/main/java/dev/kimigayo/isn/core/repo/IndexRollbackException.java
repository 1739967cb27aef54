package dev.kimigayo.isn.core.repo;


/** A correctly signed index older than the last one accepted from the same repository. */
public final class IndexRollbackException extends IndexException {

    private final String source;
    private final long serial;
    private final long lastAccepted;

    /** Creates the refusal of the index with {@code serial} read from {@code source}. */
    public IndexRollbackException(String source, long serial, long lastAccepted) {
        super("index serial " + serial + " is older than the last accepted serial " + lastAccepted
                + ", " + source + ": the server offers an old index (a rollback attack or a stale"
                + " mirror); use another mirror or wait until it is up to date");
        this.source = source;
        this.serial = serial;
        this.lastAccepted = lastAccepted;
    }

    /** Where the index came from (a URL or a path). */
    public String source() {
        return source;
    }

    /** The serial of the refused index. */
    public long serial() {
        return serial;
    }

    /** The serial of the last index accepted from this repository. */
    public long lastAccepted() {
        return lastAccepted;
    }

    @Override
    public String code() {
        return "index-rollback";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
