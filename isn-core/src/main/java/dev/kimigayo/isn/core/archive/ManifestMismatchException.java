package dev.kimigayo.isn.core.archive;

/**
 * An entry disagrees with the signed manifest (or the manifest with PKGINFO): a different hash,
 * size, type, mode, owner or link target, an entry the manifest does not list, or a listed entry
 * the package lacks. The package was tampered with or built wrongly.
 */
public final class ManifestMismatchException extends PackageRejectedException {

    private final String field;
    private final String expected;
    private final String actual;

    /** {@code field} of {@code path} is {@code actual} where the manifest says {@code expected}. */
    public ManifestMismatchException(String source, String path, String field, String expected, String actual) {
        super(source, path, field + " does not match the signed manifest: expected " + expected
                + ", found " + actual + "; the package is corrupt or was tampered with");
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    /** Which property differs: {@code sha256}, {@code size}, {@code type}, {@code mode}, {@code owner}, {@code link}, {@code presence}. */
    public String field() {
        return field;
    }

    /** What the signed metadata says. */
    public String expected() {
        return expected;
    }

    /** What the package holds. */
    public String actual() {
        return actual;
    }

    @Override
    public String code() {
        return "manifest-mismatch";
    }
}
