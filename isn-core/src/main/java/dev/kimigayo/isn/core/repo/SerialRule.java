package dev.kimigayo.isn.core.repo;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * How {@code isn index} numbers indexes: the previous serial plus one, but never less than the
 * generation time in seconds since the epoch. The serial therefore grows on every run, and still
 * grows (with a sane clock) when the previous index was lost.
 */
public final class SerialRule {

    private SerialRule() {
    }

    /** The serial for an index generated at {@code generated}, after the {@code previous} one if any. */
    public static long next(OptionalLong previous, Instant generated) {
        long byTime = Math.max(0, generated.getEpochSecond());
        if (previous.isEmpty()) {
            return byTime;
        }
        return Math.max(Math.addExact(previous.getAsLong(), 1), byTime);
    }
}
