package dev.kimigayo.isn.core.archive;

/** Bytes other than zero padding follow the end of the tar archive, or data follows the gzip stream. */
public final class TrailingDataException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public TrailingDataException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "trailing-data";
    }
}
