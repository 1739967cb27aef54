package dev.kimigayo.isn.db;

import java.util.Objects;

/**
 * One line of a transaction's history.
 *
 * @param action     what happened to the package
 * @param name       the package name
 * @param oldVersion the version before, null for an install
 * @param newVersion the version after, null for a remove
 */
public record PackageChange(ChangeAction action, String name, String oldVersion, String newVersion) {

    /** Validates the components. */
    public PackageChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
    }
}
