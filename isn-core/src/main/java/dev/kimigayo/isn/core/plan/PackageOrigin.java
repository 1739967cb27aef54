package dev.kimigayo.isn.core.plan;

import java.util.Objects;

import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Where the metadata of a planned package came from, typed: the solver stays generic and keeps an
 * untyped reference, which {@link #of(Object)} turns into this once, where its answer becomes steps.
 */
public sealed interface PackageOrigin {

    /** The package's entry in a loaded repository index. */
    record Indexed(IndexEntry entry) implements PackageOrigin {
        /** Refuses null. */
        public Indexed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A package file named on the command line, with the PKGINFO read from it at planning time. */
    record Local(LocalPackage pkg) implements PackageOrigin {
        /** Refuses null. */
        public Local {
            Objects.requireNonNull(pkg, "pkg");
        }
    }

    /** Only the database's copy of the metadata (the package is installed, no index offers it). */
    record Installed(InstalledPackage pkg) implements PackageOrigin {
        /** Refuses null. */
        public Installed {
            Objects.requireNonNull(pkg, "pkg");
        }
    }

    /** Nothing behind it (a virtual package, or a reference this engine did not make). */
    record Virtual() implements PackageOrigin {
    }

    /** The origin named by a solver package's reference, as the planner sets them. */
    static PackageOrigin of(Object ref) {
        if (ref instanceof IndexEntry e) {
            return new Indexed(e);
        }
        if (ref instanceof LocalPackage l) {
            return new Local(l);
        }
        if (ref instanceof InstalledPackage p) {
            return new Installed(p);
        }
        return new Virtual();
    }
}
