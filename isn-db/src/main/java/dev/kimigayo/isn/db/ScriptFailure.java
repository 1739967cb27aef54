package dev.kimigayo.isn.db;

import java.time.Instant;
import java.util.List;
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
 * @param args        the arguments the script was called with ({@code NEW OLD} for
 *                    {@code post_upgrade}); empty when unknown (recorded by schema 2 or older)
 */
public record ScriptFailure(String packageName, String version, String script, Long txnId,
                            int exitCode, String message, Instant recordedAt, List<String> args) {

    /** Validates the components. */
    public ScriptFailure {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(recordedAt, "recordedAt");
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The arguments to rerun the script with: those recorded, or just the version when none were. */
    public List<String> rerunArgs() {
        return args.isEmpty() ? List.of(version) : args;
    }
}
