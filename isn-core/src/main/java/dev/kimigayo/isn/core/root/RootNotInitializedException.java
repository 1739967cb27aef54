package dev.kimigayo.isn.core.root;

import java.nio.file.Path;

import dev.kimigayo.isn.core.IsnException;

/** The root has no isn state yet; the user should pass {@code --initdb} once. */
public final class RootNotInitializedException extends IsnException {

    private final Path root;

    /** Reports that {@code root} holds no isn database. */
    public RootNotInitializedException(Path root) {
        super("no isn database under " + root + ": run once with --initdb to create "
                + "etc/isn and var/lib/isn there");
        this.root = root;
    }

    /** The root that is not initialised. */
    public Path root() {
        return root;
    }

    @Override
    public String code() {
        return "root-not-initialized";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
