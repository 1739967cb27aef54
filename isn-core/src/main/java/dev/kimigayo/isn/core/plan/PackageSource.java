package dev.kimigayo.isn.core.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a planned package comes from: a signed repository index, a package file named on the
 * command line, the database of the root (a package that stays, or only changes its pin), or
 * the request itself ({@code --virtual}).
 */
public sealed interface PackageSource {

    /**
     * A package listed in a verified repository index.
     *
     * @param repository the repository URL as configured
     * @param serial     the serial number of the index the plan was made from
     * @param file       the package file name in the repository
     */
    record Indexed(String repository, long serial, String file) implements PackageSource {
        /** Checks the fields. */
        public Indexed {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(file, "file");
        }
    }

    /** A local package file ({@code isn add ./foo.isn}), absolute and normalised. */
    record LocalFile(Path file) implements PackageSource {
        /** Checks the field. */
        public LocalFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A package known only from the root's database: nothing is fetched for it. */
    record Installed() implements PackageSource {
    }

    /** A meta-package made by the request itself ({@code --virtual NAME}): it has no file. */
    record Virtual() implements PackageSource {
    }
}
