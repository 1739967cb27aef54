package dev.kimigayo.isn.core.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.Deflater;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.pkginfo.PkgInfoReader;
import dev.kimigayo.isn.core.pkginfo.PkgInfoWriter;
import dev.kimigayo.isn.core.root.ReservedPaths;

/**
 * Builds packages from directories holding {@code PKGINFO}, an optional {@code .INSTALL} and the
 * payload tree. The output is bit-identical for the same input whatever the file mtimes, listing
 * order, umask, owners, locale and time zone. Not thread-safe: use one builder per thread.
 */
public final class PackageBuilder {

    private final OptionalLong epoch;
    private final PackageSigner signer;
    private final Deflater deflater = GzipWriter.newDeflater();

    /**
     * A builder stamping every entry and PKGINFO's {@code build_date} with {@code epoch}
     * (SOURCE_DATE_EPOCH) or, when empty, with the source PKGINFO's {@code build_date} (0 if
     * absent); signing with {@code signer}, or writing unsigned packages when it is null.
     */
    public PackageBuilder(OptionalLong epoch, PackageSigner signer) {
        if (epoch.isPresent() && (epoch.getAsLong() < 0 || epoch.getAsLong() > TarFormat.MAX_OCTAL_11)) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH out of range: " + epoch);
        }
        this.epoch = epoch;
        this.signer = signer;
    }

    /** Packs {@code dir} into {@code outDir/NAME-VERSION.isn}, replacing an existing file atomically. */
    public PackResult build(Path dir, Path outDir) throws IOException, IsnException {
        return stage(dir, outDir).commit();
    }

    /**
     * Writes the package for {@code dir} under a temporary name in {@code outDir}; nothing has the
     * final name until {@link StagedPackage#commit()}, so a batch that fails can write nothing.
     */
    public StagedPackage stage(Path dir, Path outDir) throws IOException, IsnException {
        Path pkginfoFile = dir.resolve(PackageLayout.PKGINFO);
        if (!Files.isRegularFile(pkginfoFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackSourceException(dir.toString(), "no PKGINFO file; a package directory holds PKGINFO, an optional .INSTALL and the payload");
        }
        PkgInfo declared = PkgInfoReader.parse(Files.readAllBytes(pkginfoFile), pkginfoFile.toString());
        Path out = outDir.resolve(PackageLayout.fileName(declared.name(), declared.version()));
        // Unique temporary name (parallel packers may share OUTDIR); rw-r--r-- less the umask, like any new file.
        Path tmp = Files.createTempFile(outDir, "." + out.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            SourceTree tree = new SourceTree(dir, Set.copyOf(declared.setuid()), SourceAttributes.read(dir),
                    PackerIdentity.of(tmp));
            List<SourceEntry> payload = tree.scan();
            for (SourceEntry e : payload) {
                String reserved = ReservedPaths.problem(e.entry().path(), e.entry().type() == EntryType.DIRECTORY);
                if (reserved != null) {
                    throw new PackSourceException(e.file().toString(), reserved);
                }
            }
            Path scriptFile = dir.resolve(PackageLayout.INSTALL);
            SourceEntry script = null;
            if (Files.exists(scriptFile, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(scriptFile, LinkOption.NOFOLLOW_LINKS)) {
                    throw new PackSourceException(scriptFile.toString(), "must be a regular file (not a link or directory)");
                }
                script = tree.script(scriptFile);
            }
            List<ManifestEntry> lines = new ArrayList<>(payload.size() + 1);
            if (script != null) {
                lines.add(script.entry());
            }
            payload.forEach(e -> lines.add(e.entry()));
            lines.sort((a, b) -> EntryPaths.ORDER.compare(a.path(), b.path()));
            Manifest manifest = new Manifest(lines);
            byte[] manifestBytes = manifest.encode();
            if (manifestBytes.length > PackageLayout.MAX_MANIFEST) {
                throw new PackSourceException(dir.toString(), "the manifest would be " + manifestBytes.length
                        + " bytes; packages hold at most " + PackageLayout.MAX_MANIFEST + " (split the package)");
            }
            String sha = PackageReader.sha256(manifestBytes);
            long date = epoch.orElse(declared.buildDate());
            byte[] pkginfo = PkgInfoWriter.write(declared.withSha256(sha).withSize(manifest.installedSize()).withBuildDate(date));
            // The written PKGINFO is longer than the source (sha256, size, build_date): hold it to the readers' limit.
            if (pkginfo.length > PackageLayout.MAX_PKGINFO) {
                throw new PackSourceException(pkginfoFile.toString(), "the PKGINFO isn pack writes would be " + pkginfo.length
                        + " bytes; packages hold at most " + PackageLayout.MAX_PKGINFO + " (docs/format-pkginfo.md)");
            }
            try (OutputStream file = Files.newOutputStream(tmp)) {
                write(new BufferedOutputStream(file, 64 * 1024), date, pkginfo, manifestBytes, script, payload);
            }
            return new StagedPackage(tmp, new PackResult(out, declared.name(), declared.version(),
                    manifest.installedSize(), sha, signer != null));
        } catch (IOException | IsnException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private void write(OutputStream file, long date, byte[] pkginfo, byte[] manifest, SourceEntry script,
                       List<SourceEntry> payload) throws IOException {
        deflater.reset();
        GzipWriter gzip = new GzipWriter(file, deflater);
        TarWriter tar = new TarWriter(gzip, date);
        if (signer != null) {
            tar.file(PackageLayout.SIGNATURE, 0644, signer.sign(pkginfo));
        }
        tar.file(PackageLayout.PKGINFO, 0644, pkginfo);
        tar.file(PackageLayout.MANIFEST, 0644, manifest);
        if (script != null) {
            content(tar, script);
        }
        for (SourceEntry e : payload) {
            ManifestEntry m = e.entry();
            switch (m.type()) {
                case DIRECTORY -> tar.directory(m.path(), m.mode(), m.uid(), m.gid());
                case SYMLINK -> tar.symlink(m.path(), m.uid(), m.gid(), m.linkTarget());
                case HARDLINK -> tar.hardlink(m.path(), m.mode(), m.uid(), m.gid(), m.linkTarget());
                case FILE -> content(tar, e);
            }
        }
        tar.finish();
        gzip.finish();
        file.flush();
    }

    private static void content(TarWriter tar, SourceEntry e) throws IOException {
        ManifestEntry m = e.entry();
        try (InputStream in = Files.newInputStream(e.file(), LinkOption.NOFOLLOW_LINKS)) {
            tar.file(m.path(), m.mode(), m.uid(), m.gid(), m.size(), in);
        }
    }
}
