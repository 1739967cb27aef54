package dev.kimigayo.isn.db;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code post_*} script that failed and that {@code isn fix} should run again.
 *
 * @param packageName the package whose script failed
 * @param version     its version at the time
 * @param script      {@code post_install}, {@code post_upgrade} or {@code post_remove}
 * @param txnId       the transaction that ran it, or null
 * @param exitCode    the script's exit status
 * @param message     a short description (e.g. the last lines of output), may be null
 * @param recordedAt  when it failed
 */
public record ScriptFailure(String packageName, String version, String script, Long txnId,
                            int exitCode, String message, Instant recordedAt) {

    /** Validates the components. */
    public ScriptFailure {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
