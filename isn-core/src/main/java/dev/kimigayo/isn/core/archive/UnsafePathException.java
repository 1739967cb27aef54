package dev.kimigayo.isn.core.archive;

/** An entry path or link would land outside the root: absolute, '..', non-canonical, escaping symlink, or hardlink to nothing earlier. */
public final class UnsafePathException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public UnsafePathException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "unsafe-path";
    }
}
