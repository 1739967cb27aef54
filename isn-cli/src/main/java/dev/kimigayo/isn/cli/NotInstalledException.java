package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;

/** A query named a package that is not installed. */
final class NotInstalledException extends IsnException {

    NotInstalledException(String name) {
        super("package " + name + " is not installed; 'isn search " + name + "' shows what the repositories offer");
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
