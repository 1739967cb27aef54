package dev.kimigayo.isn.core.repo;

/** A file in a repository folder ends in {@code .isn} but its name cannot be listed in an index. */
public final class BadPackageFileNameException extends IndexException {

    private final String file;

    /** Creates the refusal of {@code file}. */
    public BadPackageFileNameException(String file) {
        super("package file name not allowed in an index, " + file + ": use NAME-VERSION.isn with"
                + " letters, digits and + . _ ~ - only (as 'isn pack' writes them)");
        this.file = file;
    }

    /** The refused file. */
    public String file() {
        return file;
    }

    @Override
    public String code() {
        return "bad-file-name";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
