package dev.kimigayo.isn.core.commit;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * A package file is not the package isn read from it a moment before: a local {@code ./foo.isn}
 * replaced between planning and installing, or any package file replaced between reading its
 * header and extracting its payload. The plan (and every check) was made for the first one, so
 * the second is refused before anything is renamed into the root.
 */
public final class PackageChangedException extends IsnException {

    private final String file;

    /** {@code file} held {@code planned} and now holds {@code found}. */
    public PackageChangedException(String file, PkgInfo planned, PkgInfo found) {
        super("package file " + file + " changed while isn was using it: it held " + describe(planned)
                + " and now holds " + describe(found) + "; something replaced it (keep package files where"
                + " only you can write), then run the command again");
        this.file = file;
    }

    private static String describe(PkgInfo p) {
        String sha = p.sha256() == null ? "" : ", manifest " + p.sha256().substring(0, Math.min(12, p.sha256().length()));
        return p.name() + " " + p.version() + " (" + p.architecture() + sha + ")";
    }

    /** The package file. */
    public String file() {
        return file;
    }

    @Override
    public String code() {
        return "package-changed";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
