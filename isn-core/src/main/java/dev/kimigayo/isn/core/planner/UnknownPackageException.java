package dev.kimigayo.isn.core.planner;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;

/**
 * A removal or upgrade named packages that are neither installed nor in the world. Refused as a
 * whole, as apk and apt do, so a typo in a Dockerfile's {@code isn del} fails the build instead
 * of leaving the package behind.
 */
public final class UnknownPackageException extends IsnException {

    private final List<String> names;

    /** {@code names} are not installed and not in the world; {@code verb} is what was asked ("remove"). */
    public UnknownPackageException(String verb, List<String> names) {
        super("cannot " + verb + " " + String.join(", ", names) + ": no installed package "
                + (names.size() == 1 ? "has that name" : "has those names")
                + "; nothing was changed ('isn list' shows what is installed"
                + ("upgrade".equals(verb) ? ", 'isn add' installs" : "") + ")");
        this.names = List.copyOf(names);
    }

    /** The names that matched nothing. */
    public List<String> names() {
        return names;
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
