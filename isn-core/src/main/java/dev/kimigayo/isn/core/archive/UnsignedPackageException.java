package dev.kimigayo.isn.core.archive;

/** The package carries no signature and untrusted packages are not allowed. */
public final class UnsignedPackageException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public UnsignedPackageException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "unsigned-package";
    }
}
