package dev.kimigayo.isn.core.repo;


/** A package file whose size or SHA-256 differs from what the signed index lists for it. */
public final class PackageFileMismatchException extends IndexException {

    private final String file;
    private final String field;
    private final String expected;
    private final String actual;

    /** Creates the refusal of {@code file}, whose {@code field} ("size" or "sha256") differs. */
    public PackageFileMismatchException(String file, String field, String expected, String actual) {
        super(("sha256".equals(field) ? "hash mismatch" : "size mismatch") + ", " + file
                + ": the index lists " + field + " " + expected + " but the file has " + actual
                + "; the package was modified or replaced after indexing: fetch it again or re-run 'isn index'");
        this.file = file;
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    /** The package file. */
    public String file() {
        return file;
    }

    /** What differs: {@code size} or {@code sha256}. */
    public String field() {
        return field;
    }

    /** The value listed in the index. */
    public String expected() {
        return expected;
    }

    /** The value of the file. */
    public String actual() {
        return actual;
    }

    @Override
    public String code() {
        return "sha256".equals(field) ? "hash-mismatch" : "size-mismatch";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
