package dev.kimigayo.isn.core.plan;

import dev.kimigayo.isn.core.IsnException;

/**
 * A repository offers a locked package's name and version, but not the file the lock file
 * names: its SHA-256 differs (rebuilt, or tampered with). Nothing was changed.
 */
public final class LockMismatchException extends IsnException {

    private final PackageId locked;
    private final String offered;

    /** {@code locked} is offered by {@code repository} only as a file with SHA-256 {@code offered}. */
    public LockMismatchException(PackageId locked, String offered, String repository) {
        super("the lock file's " + locked.nameVersion() + " has SHA-256 " + locked.sha256() + ", but " + repository
                + " offers " + locked.nameVersion() + " with SHA-256 " + offered + "; nothing was changed."
                + " The package was rebuilt or tampered with: check the repository, or lock again with 'isn lock'");
        this.locked = locked;
        this.offered = offered;
    }

    /** The package as the lock file names it. */
    public PackageId locked() {
        return locked;
    }

    /** The SHA-256 the repository offers for that name and version. */
    public String offered() {
        return offered;
    }

    @Override
    public String code() {
        return "lock-mismatch";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
