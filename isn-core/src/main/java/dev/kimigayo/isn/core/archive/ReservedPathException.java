package dev.kimigayo.isn.core.archive;

/**
 * A package would install one of isn's own paths (its database, lock, cache, world or
 * repository file, or a name isn uses for temporaries): refused however validly it is signed.
 */
public final class ReservedPathException extends PackageRejectedException {

    /** {@code path} of the package {@code source} is isn's own, for {@code detail}. */
    public ReservedPathException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "reserved-path";
    }
}
