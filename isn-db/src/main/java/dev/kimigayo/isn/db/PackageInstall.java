package dev.kimigayo.isn.db;

import java.util.List;
import java.util.Objects;

/** A package to install (or to replace the installed one of the same name) with all its paths. */
public record PackageInstall(InstalledPackage pkg, List<InstalledFile> files) {

    /** Validates the components and freezes the list. */
    public PackageInstall {
        Objects.requireNonNull(pkg, "pkg");
        files = List.copyOf(files);
    }
}
