package dev.kimigayo.isn.core.repo;

/** Two package files in one repository folder hold the same package name, version and architecture. */
public final class DuplicatePackageException extends IndexException {

    private final String id;

    /** Creates the refusal: {@code first} and {@code second} both hold {@code id}. */
    public DuplicatePackageException(String id, String first, String second) {
        super("duplicate package " + id + " in " + first + " and " + second
                + ": a repository holds each package version once; remove one of the files");
        this.id = id;
    }

    /** The package: name, version and architecture. */
    public String id() {
        return id;
    }

    @Override
    public String code() {
        return "duplicate-package";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
