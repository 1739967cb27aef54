package dev.kimigayo.isn.core.planner;

import dev.kimigayo.isn.core.IsnException;

/**
 * A package must be reinstalled ({@code isn fix}) but no configured repository offers its
 * installed version any more, so there is nothing verified to restore its files from.
 */
public final class PackageUnavailableException extends IsnException {

    private final String pkg;
    private final String version;

    /** {@code pkg} {@code version}, installed from {@code origin} (a URL or file, may be null), is offered nowhere. */
    public PackageUnavailableException(String pkg, String version, String origin) {
        super("cannot reinstall " + pkg + " " + version + ": no configured repository offers that version any more"
                + (origin == null ? "" : " (it was installed from " + origin + ")")
                + "; nothing was changed. Run 'isn update', add a repository that has it, or 'isn upgrade "
                + pkg + "' to a version that is available");
        this.pkg = pkg;
        this.version = version;
    }

    /** The package name. */
    public String pkg() {
        return pkg;
    }

    /** The installed version nobody offers. */
    public String version() {
        return version;
    }

    @Override
    public String code() {
        return "unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.UNSATISFIABLE;
    }
}
