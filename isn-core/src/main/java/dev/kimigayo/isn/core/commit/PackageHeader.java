package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.EntrySink;
import dev.kimigayo.isn.core.archive.OpenPackage;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.fileplan.FileEntry;
import dev.kimigayo.isn.core.fileplan.PackageFiles;
import dev.kimigayo.isn.core.fileplan.Records;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.plan.PackageOrigin;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.repo.IndexConsistency;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.session.FilesystemException;

/**
 * The verified metadata of a package file: PKGINFO (signature checked), manifest, install script.
 * Read first for every package of a transaction, so all checks happen before the root changes;
 * the payload is streamed later by {@link #extract}.
 */
public record PackageHeader(Path file, String source, PkgInfo info, List<FileEntry> files, byte[] script,
        OpenPackage.Header verified) {

    /** Reads and verifies the metadata of {@code file}. */
    public static PackageHeader read(PackageReader reader, Path file, String source) throws IsnException {
        try (InputStream in = Files.newInputStream(file)) {
            OpenPackage p = reader.open(in, source);
            return new PackageHeader(file, source, p.info(), Records.fromManifest(p.manifest().entries()),
                    p.installScript().orElse(null), p.header());
        } catch (IOException e) {
            throw new FilesystemException("cannot read package " + source, e);
        }
    }

    /**
     * Refuses this package unless its signed PKGINFO is exactly what the plan of {@code step} was
     * made from (name, version, dependencies: everything the solver read): the index entry, or for
     * a local file the PKGINFO read from it at planning time (the file may have been replaced since).
     */
    void checkPlanned(TxnStep step) throws IsnException {
        if (step.origin() instanceof PackageOrigin.Indexed indexed) {
            IndexEntry e = indexed.entry();
            IndexConsistency.check(e.info(), info, e.file(),
                    step.repository() == null ? "its repository" : step.repository());
        } else if (step.origin() instanceof PackageOrigin.Local local
                && !local.pkg().info().equals(info)) {
            throw new PackageChangedException(file.toString(), local.pkg().info(), info);
        }
    }

    /** The files as the planner sees them. */
    PackageFiles packageFiles() {
        return new PackageFiles(info.name(), files, java.util.Set.copyOf(info.config()),
                info.replaces().stream().map(dev.kimigayo.isn.core.version.Constraint::name)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Streams the payload again, verifying every entry against the signed manifest, into
     * {@code sink}; refuses a file that no longer holds this package.
     */
    void extract(PackageReader reader, EntrySink sink) throws IsnException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            OpenPackage again = reader.reopen(in, verified);
            // The file is opened a second time: its signed PKGINFO (which pins the manifest by
            // SHA-256) must be the one every check was made on.
            if (!again.info().equals(info)) {
                throw new PackageChangedException(file.toString(), info, again.info());
            }
            again.extract(sink);
        }
    }
}
