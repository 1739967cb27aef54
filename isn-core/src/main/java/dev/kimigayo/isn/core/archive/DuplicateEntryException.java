package dev.kimigayo.isn.core.archive;

/** The same path appears twice in the package. */
public final class DuplicateEntryException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public DuplicateEntryException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "duplicate-entry";
    }
}
