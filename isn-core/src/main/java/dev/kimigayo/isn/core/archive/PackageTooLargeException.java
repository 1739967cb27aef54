package dev.kimigayo.isn.core.archive;

/** The package decompresses beyond what its signed metadata allows: a gzip bomb or padding attack. */
public final class PackageTooLargeException extends PackageRejectedException {

    private final long limit;

    /** A refusal of {@code source} because it decompresses beyond {@code limit} bytes. */
    public PackageTooLargeException(String source, long limit, String what) {
        super(source, null, "decompresses beyond " + limit + " bytes, more than " + what
                + " allows; refusing a possible decompression bomb");
        this.limit = limit;
    }

    /** The uncompressed byte limit that was exceeded. */
    public long limit() {
        return limit;
    }

    @Override
    public String code() {
        return "package-too-large";
    }
}
