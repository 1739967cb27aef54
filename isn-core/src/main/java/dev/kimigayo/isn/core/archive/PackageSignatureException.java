package dev.kimigayo.isn.core.archive;

/**
 * The signature of a package's PKGINFO cannot be trusted: made by a key that is not trusted,
 * not matching PKGINFO (tampered with), or unreadable.
 */
public final class PackageSignatureException extends PackageRejectedException {

    /** Why the signature was refused; each has its own stable code. */
    public enum Reason {
        /** The signing key is not among the trusted keys. */
        UNKNOWN_KEY("unknown-key"),
        /** The signature does not verify: PKGINFO or the signature was altered. */
        BAD_SIGNATURE("bad-signature"),
        /** The signature entry cannot be parsed. */
        MALFORMED_SIGNATURE("malformed-signature");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;
    private final String keyId;

    /** A refusal of {@code source}'s signature by key {@code keyId} (null when unreadable). */
    public PackageSignatureException(String source, Reason reason, String keyId, String detail, Throwable cause) {
        super(source, PackageLayout.SIGNATURE, detail, cause);
        this.reason = reason;
        this.keyId = keyId;
    }

    /** Why the signature was refused. */
    public Reason reason() {
        return reason;
    }

    /** The hex id of the key the signature names, or null when it could not be read. */
    public String keyId() {
        return keyId;
    }

    @Override
    public String code() {
        return reason.code;
    }
}
