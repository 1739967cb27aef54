package dev.kimigayo.isn.core.archive;

import java.io.IOException;

/** Carries a package refusal through {@link java.io.InputStream} methods, which may only throw IOException. */
final class RejectedIOException extends IOException {

    private final PackageRejectedException rejection;

    RejectedIOException(PackageRejectedException rejection) {
        super(rejection.getMessage(), rejection);
        this.rejection = rejection;
    }

    /** The refusal to report to the caller. */
    PackageRejectedException rejection() {
        return rejection;
    }
}
