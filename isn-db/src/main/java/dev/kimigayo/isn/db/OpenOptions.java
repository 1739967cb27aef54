package dev.kimigayo.isn.db;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the package database.
 *
 * @param readOnly    query only: never migrates, never writes, never blocks a writer (WAL)
 * @param create      create the file (and its parent directories) when missing; {@code --initdb}
 * @param durability  synchronous level of write commits
 * @param busyTimeout how long to wait for another connection's lock before failing with
 *                    {@link DatabaseBusyException}
 * @param clock       source of the times the database records itself (commit and end times)
 */
public record OpenOptions(boolean readOnly, boolean create, Durability durability,
                          Duration busyTimeout, Clock clock) {

    /** Default wait for a lock held by another connection. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    /** Validates the components. */
    public OpenOptions {
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(clock, "clock");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout out of range: " + busyTimeout);
        }
        if (readOnly && create) {
            throw new IllegalArgumentException("a read-only open cannot create the database");
        }
    }

    /** Writable, existing file, {@link Durability#SYNC}, default busy timeout, system clock. */
    public static OpenOptions readWrite() {
        return new OpenOptions(false, false, Durability.SYNC, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    /** Read-only on an existing file, for query commands. */
    public static OpenOptions readOnlyMode() {
        return new OpenOptions(true, false, Durability.SYNC, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    /** A copy that creates the database when missing. */
    public OpenOptions withCreate(boolean value) {
        return new OpenOptions(readOnly, value, durability, busyTimeout, clock);
    }

    /** A copy with another durability. */
    public OpenOptions withDurability(Durability value) {
        return new OpenOptions(readOnly, create, value, busyTimeout, clock);
    }

    /** A copy with another busy timeout. */
    public OpenOptions withBusyTimeout(Duration value) {
        return new OpenOptions(readOnly, create, durability, value, clock);
    }

    /** A copy with another clock. */
    public OpenOptions withClock(Clock value) {
        return new OpenOptions(readOnly, create, durability, busyTimeout, value);
    }
}
