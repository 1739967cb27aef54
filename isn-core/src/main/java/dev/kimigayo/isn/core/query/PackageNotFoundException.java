package dev.kimigayo.isn.core.query;

import dev.kimigayo.isn.core.IsnException;

/** A query named a package that is neither installed nor in any readable repository index. */
public final class PackageNotFoundException extends IsnException {

    /** Nothing is called {@code name}. */
    public PackageNotFoundException(String name) {
        super("no package named " + name + " is installed or in any repository index; "
                + "check the name, or run 'isn update' to refresh the indexes");
    }

    @Override
    public String code() {
        return "not-found";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
