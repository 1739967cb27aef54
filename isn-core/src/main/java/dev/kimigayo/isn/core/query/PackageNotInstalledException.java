package dev.kimigayo.isn.core.query;

import dev.kimigayo.isn.core.IsnException;

/** A query or a mark named a package that is not installed in the root. */
public final class PackageNotInstalledException extends IsnException {

    private final String name;

    /** {@code name} is not installed. */
    public PackageNotInstalledException(String name) {
        super("package " + name + " is not installed; 'isn list' shows what is, 'isn search " + name
                + "' what the repositories offer");
        this.name = name;
    }

    /** The package asked about. */
    public String name() {
        return name;
    }

    @Override
    public String code() {
        return "not-installed";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
