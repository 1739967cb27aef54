package dev.kimigayo.isn.core.fileplan;

import dev.kimigayo.isn.core.IsnException;

/** The root's filesystem has less free space than the transaction's files need, found before anything changed. */
public final class NotEnoughSpaceException extends IsnException {

    private final long needed;
    private final long free;

    /** The filesystem of {@code root} has {@code free} usable bytes; the transaction needs {@code needed}. */
    public NotEnoughSpaceException(String root, long needed, long free) {
        super("not enough space on the filesystem of " + root + ": the packages need " + mib(needed)
                + ", " + mib(free) + " is free; nothing was changed: free some space and run the command again");
        this.needed = needed;
        this.free = free;
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Bytes the transaction needs. */
    public long needed() {
        return needed;
    }

    /** Bytes available. */
    public long free() {
        return free;
    }

    @Override
    public String code() {
        return "no-space";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
