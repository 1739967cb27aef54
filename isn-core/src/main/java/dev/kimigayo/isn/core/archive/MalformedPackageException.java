package dev.kimigayo.isn.core.archive;

/** The package is not a well-formed isn archive: bad gzip or tar header, unsupported entry, metadata out of order, oversize header, bad manifest syntax. */
public final class MalformedPackageException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public MalformedPackageException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "malformed-package";
    }
}
