package dev.kimigayo.isn.core.planner;

import java.nio.file.Path;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.PackageId;

/** {@code isn lock} was given nothing it can lock: no packages and an empty world, or a local package file. */
public final class NothingToLockException extends IsnException {

    /** No packages were named and the world {@code world} is empty or absent. */
    public NothingToLockException(Path world) {
        super("nothing to lock: name the packages ('isn lock vim -o vim.lock'), or lock a root whose world ("
                + world + ") is not empty");
    }

    /** {@code local} is not from a repository, so a lock file could not name where to get it. */
    public NothingToLockException(PackageId local) {
        super("cannot lock " + local.nameVersion() + ": a lock file names packages from repositories, and this one"
                + " is a local file; add it to a repository (isn index) and lock that");
    }

    @Override
    public String code() {
        return "nothing-to-lock";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
