package dev.kimigayo.isn.core.commit;

import dev.kimigayo.isn.core.IsnException;

/** A package's {@code pre_*} script failed, so the transaction was rolled back with nothing changed. */
public final class ScriptFailedException extends IsnException {

    private final String pkg;
    private final String script;
    private final int exitCode;

    /** {@code script} of {@code pkg} exited with {@code exitCode}. */
    public ScriptFailedException(String pkg, String script, int exitCode) {
        super(pkg + ": " + script + " script exited with status " + exitCode
                + "; nothing was changed (use --no-scripts to skip package scripts)");
        this.pkg = pkg;
        this.script = script;
        this.exitCode = exitCode;
    }

    /** The package. */
    public String pkg() {
        return pkg;
    }

    /** The function that failed ({@code pre_install}). */
    public String script() {
        return script;
    }

    /** Its exit status. */
    public int exitCode() {
        return exitCode;
    }

    @Override
    public String code() {
        return "script-failed";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
