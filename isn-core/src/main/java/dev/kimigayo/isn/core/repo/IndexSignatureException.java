package dev.kimigayo.isn.core.repo;


/** The detached signature of an index is missing, unreadable, by an unknown key, or wrong. */
public final class IndexSignatureException extends IndexException {

    /** Why the signature was refused; each has its own stable code. */
    public enum Reason {
        /** No {@code index.json.sig} beside the index. */
        MISSING("missing-signature"),
        /** The signature file is not in the signature format. */
        MALFORMED("malformed-signature"),
        /** The signing key is not among the trusted keys. */
        UNKNOWN_KEY("unknown-key"),
        /** The signature does not match the bytes of the index. */
        BAD_SIGNATURE("bad-signature");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The stable code of this reason. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final String source;

    /** Creates the refusal of the index read from {@code source}; {@code detail} says what and what to do. */
    public IndexSignatureException(Reason reason, String source, String detail, Throwable cause) {
        super(detail + ", " + source + advice(reason), cause);
        this.reason = reason;
        this.source = source;
    }

    private static String advice(Reason reason) {
        return switch (reason) {
            case MISSING -> ": every index must be published with its detached signature index.json.sig";
            case MALFORMED -> ": fetch index.json.sig again or ask the repository maintainer to re-sign the index";
            case UNKNOWN_KEY -> ": install the repository's public key (.pub) in the trusted keys folder if you trust"
                    + " it, or name another folder with --keys-dir";
            case BAD_SIGNATURE -> ": the index was modified after signing or is corrupt; do not use it";
        };
    }

    /** Why the signature was refused. */
    public Reason reason() {
        return reason;
    }

    /** Where the index came from (a URL or a path). */
    public String source() {
        return source;
    }

    @Override
    public String code() {
        return reason.code();
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
