package dev.kimigayo.isn.core.repo;

/**
 * A package whose signed PKGINFO says something else than the index entry it was chosen by: the
 * solver planned with the index's metadata, so installing the package would record (and run) a
 * package nobody resolved. Refused before anything is staged.
 */
public final class IndexPackageMismatchException extends IndexException {

    private final String field;
    private final String indexValue;
    private final String packageValue;
    private final String file;
    private final String repository;

    /** Creates the refusal of {@code file} from {@code repository}, whose {@code field} differs. */
    public IndexPackageMismatchException(String field, String indexValue, String packageValue, String file,
            String repository) {
        super("package does not match its index entry, " + file + " from " + repository + ": the index says "
                + field + " " + indexValue + " but the package's signed PKGINFO says " + packageValue
                + "; the repository is inconsistent: re-run 'isn index' on it (or tell its maintainer),"
                + " then 'isn update'");
        this.field = field;
        this.indexValue = indexValue;
        this.packageValue = packageValue;
        this.file = file;
        this.repository = repository;
    }

    /** The PKGINFO key that differs, such as {@code version} or {@code depends}. */
    public String field() {
        return field;
    }

    /** The value the index lists. */
    public String indexValue() {
        return indexValue;
    }

    /** The value in the package's signed PKGINFO. */
    public String packageValue() {
        return packageValue;
    }

    /** The package file. */
    public String file() {
        return file;
    }

    /** The repository (URL or directory) whose index listed the package. */
    public String repository() {
        return repository;
    }

    @Override
    public String code() {
        return "index-mismatch";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
