package dev.kimigayo.isn.core.archive;

/** The package ends before its end-of-archive marker or gzip trailer: an interrupted download or a cut file. */
public final class TruncatedPackageException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public TruncatedPackageException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "truncated-package";
    }
}
