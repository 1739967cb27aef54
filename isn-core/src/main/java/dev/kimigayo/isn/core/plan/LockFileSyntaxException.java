package dev.kimigayo.isn.core.plan;

import dev.kimigayo.isn.core.IsnException;

/** A lock file that is not in the format of docs/format-lock.md; nothing was changed. */
public final class LockFileSyntaxException extends IsnException {

    /** {@code problem} on line {@code line} of {@code source}. */
    public LockFileSyntaxException(String source, int line, String problem) {
        super("bad lock file " + source + ", line " + line + ": " + problem
                + "; nothing was changed. Write it again with 'isn lock'");
    }

    @Override
    public String code() {
        return "bad-lock-file";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
