package dev.kimigayo.isn.core.repo;


/** An index that is not a valid isn index: bad JSON, a missing or wrong field, too large, a newer format. */
public final class MalformedIndexException extends IndexException {

    private final String code;
    private final String source;

    /** Creates the refusal of the index read from {@code source} with {@code code} and a {@code detail}. */
    public MalformedIndexException(String code, String source, String detail) {
        super(detail + ", " + source + ": the index is corrupt or was written by an incompatible"
                + " tool; re-create it with 'isn index'");
        this.code = code;
        this.source = source;
    }

    /** A malformed index (code {@code index-malformed}). */
    public static MalformedIndexException malformed(String source, String detail) {
        return new MalformedIndexException("index-malformed", source, detail);
    }

    /** Where the index came from (a URL or a path). */
    public String source() {
        return source;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
