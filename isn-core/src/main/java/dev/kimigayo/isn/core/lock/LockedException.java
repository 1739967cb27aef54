package dev.kimigayo.isn.core.lock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import dev.kimigayo.isn.core.IsnException;

/** Another isn process holds the write lock of this root and did not release it in time. */
public final class LockedException extends IsnException {

    private final Path lockFile;
    private final OptionalLong holderPid;
    private final Duration waited;

    /** Reports that {@code lockFile} stayed locked by {@code holderPid} for {@code waited}. */
    public LockedException(Path lockFile, OptionalLong holderPid, Duration waited) {
        super("another isn process" + holderPid.stream().mapToObj(p -> " (pid " + p + ")").findFirst().orElse("")
                + " is changing this root: " + lockFile + " stayed locked for " + waited.toSeconds()
                + " s; wait for it to finish, or pass --wait SECONDS to wait longer");
        this.lockFile = lockFile;
        this.holderPid = holderPid;
        this.waited = waited;
    }

    /** The lock file. */
    public Path lockFile() {
        return lockFile;
    }

    /** The process id recorded by the holder, when it could be read. */
    public OptionalLong holderPid() {
        return holderPid;
    }

    /** How long this process waited. */
    public Duration waited() {
        return waited;
    }

    @Override
    public String code() {
        return "locked";
    }

    @Override
    public Kind kind() {
        return Kind.LOCKED;
    }
}
