package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;

/** A query named a package that is neither installed nor in any repository index. */
final class NotFoundException extends IsnException {

    NotFoundException(String name) {
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
