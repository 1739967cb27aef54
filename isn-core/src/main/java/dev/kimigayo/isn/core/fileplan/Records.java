package dev.kimigayo.isn.core.fileplan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.kimigayo.isn.core.archive.ManifestEntry;
import dev.kimigayo.isn.core.archive.PackageLayout;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.db.FileType;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;

/** Converts between the archive's, the engine's and the database's records of packages and files. */
public final class Records {

    private Records() {
    }

    /** The payload entries of a signed manifest (metadata entries such as .INSTALL left out). */
    public static List<FileEntry> fromManifest(List<ManifestEntry> entries) {
        List<FileEntry> files = new ArrayList<>();
        for (ManifestEntry e : entries) {
            if (!PackageLayout.isMetadata(e.path())) {
                files.add(fromManifest(e));
            }
        }
        return files;
    }

    /** One manifest entry as a file entry. */
    public static FileEntry fromManifest(ManifestEntry e) {
        return new FileEntry(e.path(), FileEntry.Type.valueOf(e.type().name()), e.mode(), e.uid(), e.gid(), e.size(),
                e.sha256(), e.linkTarget());
    }

    /** An installed path as a file entry. */
    static FileEntry fromDb(InstalledFile f) {
        FileEntry.Type type = switch (f.type()) {
            case DIR -> FileEntry.Type.DIRECTORY;
            case FILE -> FileEntry.Type.FILE;
            case SYMLINK -> FileEntry.Type.SYMLINK;
            case HARDLINK -> FileEntry.Type.HARDLINK;
        };
        return new FileEntry(f.path(), type, f.mode(), f.uid(), f.gid(), f.size(), f.sha256(), f.linkTarget());
    }

    /** A file entry as the database records it. */
    public static InstalledFile toDb(FileEntry f, boolean config) {
        FileType type = switch (f.type()) {
            case DIRECTORY -> FileType.DIR;
            case FILE -> FileType.FILE;
            case SYMLINK -> FileType.SYMLINK;
            case HARDLINK -> FileType.HARDLINK;
        };
        return new InstalledFile(f.path(), type, f.mode(), (int) f.uid(), (int) f.gid(), f.size(), f.sha256(),
                f.linkTarget(), config && f.type() == FileEntry.Type.FILE);
    }

    /** The files of an installed package as the file planner sees them. */
    public static PackageFiles packageFiles(InstalledPackage p, List<InstalledFile> files) {
        // replaces may carry versions (name>=1.2); file takeover is by name.
        Set<String> replaces = new java.util.HashSet<>();
        for (String r : p.replaces()) {
            replaces.add(r.replaceFirst("^!?([^<>=~@]+).*$", "$1"));
        }
        return new PackageFiles(p.name(), files.stream().map(Records::fromDb).toList(), Set.copyOf(p.config()),
                replaces);
    }

    /** The database record of a package about to be installed. */
    public static InstalledPackage toDb(PkgInfo i, InstallReason reason, String repository, String tag, Instant now) {
        return new InstalledPackage(i.name(), i.version(), i.architecture(), i.description(), i.url(), i.license(),
                i.origin(), i.maintainer(), i.buildDate() == 0 ? null : Instant.ofEpochSecond(i.buildDate()), i.size(),
                i.sha256(), i.providerPriority(), strings(i.depends()), strings(i.provides()), strings(i.installIf()),
                strings(i.replaces()), i.config(), reason, repository, tag, now);
    }

    /** The words of constraints or provides, as the database stores them. */
    public static List<String> strings(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }
}
