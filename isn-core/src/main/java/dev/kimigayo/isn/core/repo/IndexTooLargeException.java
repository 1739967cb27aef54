package dev.kimigayo.isn.core.repo;

/**
 * {@code isn index} would write an index larger than clients accept
 * ({@link IndexJsonParser#MAX_SIZE}): refused before anything is written, because a repository
 * whose index every client refuses is worse than the previous one.
 */
public final class IndexTooLargeException extends IndexException {

    private final long size;

    /** The index of {@code dir} would be {@code size} bytes, more than {@code max}. */
    public IndexTooLargeException(String dir, long size, long max) {
        super("the index of " + dir + " would be " + size + " bytes, but isn accepts indexes of at most " + max
                + " bytes (docs/format-index.md); nothing was written: split the repository into several");
        this.size = size;
    }

    /** The size the index would have had. */
    public long size() {
        return size;
    }

    @Override
    public String code() {
        return "index-too-large";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
