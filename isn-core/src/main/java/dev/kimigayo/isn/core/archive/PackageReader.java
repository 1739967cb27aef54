package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.MalformedPkgInfoException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.pkginfo.PkgInfoReader;
import dev.kimigayo.isn.crypto.Sha256;

/**
 * Reads a package file in one streaming pass and bounded memory: checks the signature of PKGINFO
 * with a {@link PackageTrust}, the manifest against PKGINFO's hash, then (in
 * {@link OpenPackage#extract}) every payload entry against the manifest. Refuses anything
 * malformed or hostile with a {@link PackageRejectedException}.
 */
public final class PackageReader {

    /** Uncompressed bytes allowed before the manifest has been verified: the metadata entries and their headers. */
    static final long METADATA_ALLOWANCE = PackageLayout.MAX_SIGNATURE + PackageLayout.MAX_PKGINFO
            + PackageLayout.MAX_MANIFEST + 3 * (PackageLayout.MAX_PAX_HEADER + 3 * 512);

    private final PackageTrust trust;

    /** A reader that accepts what {@code trust} accepts. */
    public PackageReader(PackageTrust trust) {
        this.trust = trust;
    }

    /**
     * Reads and verifies the metadata of the package in {@code in} (not closed), leaving the
     * payload to {@link OpenPackage#extract}. {@code source} names the package in messages.
     */
    public OpenPackage open(InputStream in, String source) throws IOException, IsnException {
        return read(in, source, null);
    }

    /**
     * {@link #open} for a package whose metadata was verified before as {@code known} (the same
     * file, opened again to stream its payload). When its signature, PKGINFO and manifest are
     * byte for byte those of {@code known}, their results are reused instead of being computed
     * again (the Ed25519 check, the PKGINFO and manifest parses and rules); the manifest is still
     * hashed, so the bytes read now are bound to the signed PKGINFO. Any difference takes the
     * full path of {@link #open}, and the caller then sees a different {@link OpenPackage#info}.
     */
    public OpenPackage reopen(InputStream in, OpenPackage.Header known) throws IOException, IsnException {
        return read(in, known.source(), known);
    }

    private OpenPackage read(InputStream in, String source, OpenPackage.Header known) throws IOException, IsnException {
        CappedInputStream capped = new CappedInputStream(new GzipReader(in, source), source,
                METADATA_ALLOWANCE, "the limit on package metadata");
        TarReader tar = new TarReader(capped, source);
        try {
            return new MetadataReader(tar, capped, source).read(known);
        } catch (RejectedIOException e) {
            throw e.rejection();
        }
    }

    /** Reads the whole package, discarding the payload: every check of {@link #open} and {@link OpenPackage#extract}. */
    public OpenPackage verify(InputStream in, String source) throws IOException, IsnException {
        OpenPackage pkg = open(in, source);
        pkg.extract(EntrySink.DISCARD);
        return pkg;
    }

    private final class MetadataReader {
        private final TarReader tar;
        private final CappedInputStream capped;
        private final String source;

        MetadataReader(TarReader tar, CappedInputStream capped, String source) {
            this.tar = tar;
            this.capped = capped;
            this.source = source;
        }

        /** Reads the metadata; what is byte for byte that of {@code known} (may be null) is not checked again. */
        OpenPackage read(OpenPackage.Header known) throws IOException, IsnException {
            TarEntry first = tar.next();
            byte[] signature = null;
            TarEntry pkginfoEntry = first;
            if (first != null && first.path().equals(PackageLayout.SIGNATURE)) {
                signature = metadata(first, PackageLayout.SIGNATURE, PackageLayout.MAX_SIGNATURE);
                pkginfoEntry = tar.next();
            }
            byte[] pkginfo = metadata(pkginfoEntry, PackageLayout.PKGINFO, PackageLayout.MAX_PKGINFO);
            boolean same = known != null && known.signs(pkginfo, signature);
            Optional<String> signer = same ? known.signer() : trust.check(pkginfo, signature, source);
            PkgInfo info = same ? known.info() : parsePkgInfo(pkginfo);
            byte[] manifestBytes = metadata(tar.next(), PackageLayout.MANIFEST, PackageLayout.MAX_MANIFEST);
            String actual = sha256(manifestBytes);
            if (!actual.equals(info.sha256())) {
                throw new ManifestMismatchException(source, PackageLayout.MANIFEST, "sha256", info.sha256(), actual);
            }
            Manifest manifest;
            if (same) {
                // The same signed PKGINFO pins the same manifest hash, so these are the bytes already checked.
                manifest = known.manifest();
            } else {
                manifest = ManifestParser.parse(manifestBytes, source);
                if (manifest.installedSize() != info.size()) {
                    throw new ManifestMismatchException(source, PackageLayout.PKGINFO, "size",
                            Long.toString(manifest.installedSize()), Long.toString(info.size()));
                }
                checkRules(manifest, info);
            }
            capped.limit(capped.count() + PackageLayout.payloadAllowance(manifest), "the signed manifest");
            byte[] script = null;
            TarEntry next = tar.next();
            Optional<ManifestEntry> scriptEntry = manifest.find(PackageLayout.INSTALL);
            if (scriptEntry.isPresent()) {
                script = metadata(next, PackageLayout.INSTALL, PackageLayout.MAX_INSTALL);
                checkScript(scriptEntry.get(), next, script);
                next = tar.next();
            }
            return new OpenPackage(source, signature, pkginfo, info, manifest, signer, script, tar, capped, next);
        }

        private PkgInfo parsePkgInfo(byte[] pkginfo) throws MalformedPackageException {
            PkgInfo info;
            try {
                info = PkgInfoReader.parse(pkginfo, source + ":" + PackageLayout.PKGINFO);
            } catch (MalformedPkgInfoException e) {
                throw new MalformedPackageException(source, PackageLayout.PKGINFO,
                        (e.line() > 0 ? "line " + e.line() + ": " : "") + e.reason());
            }
            if (info.sha256() == null) {
                throw new MalformedPackageException(source, PackageLayout.PKGINFO,
                        "has no sha256 key; it was not written by isn pack");
            }
            return info;
        }

        private byte[] metadata(TarEntry e, String name, long max) throws IOException, IsnException {
            if (e == null) {
                throw new TruncatedPackageException(source, null, "the archive ends before its " + name + " entry");
            }
            if (!e.path().equals(name)) {
                throw new MalformedPackageException(source, e.path(), "found where " + name
                        + " was expected; a package starts with .PKGINFO.ed25519 (optional), PKGINFO, .MANIFEST, .INSTALL (optional)");
            }
            if (e.type() != TarFormat.REGULAR) {
                throw new MalformedPackageException(source, name, "must be a regular file");
            }
            if (e.size() > max) {
                throw new MalformedPackageException(source, name, "oversize entry: " + e.size() + " bytes, at most " + max + " allowed");
            }
            return tar.readContent();
        }

        /** Refuses, before any payload is read, a signed manifest that breaks the safety rules. */
        private void checkRules(Manifest manifest, PkgInfo info) throws IsnException {
            for (ManifestEntry e : manifest.entries()) {
                checkParents(manifest, e.path());
                if (e.isSetuidOrSetgid() && !info.setuid().contains(e.path())) {
                    throw new ForbiddenEntryException(source, e.path(), String.format(
                            "has mode %04o but PKGINFO does not declare it in 'setuid'", e.mode()));
                }
                if (e.type() == EntryType.SYMLINK && !EntryPaths.linkStaysInside(e.path(), e.linkTarget())) {
                    throw new UnsafePathException(source, e.path(), "symlink target escapes the package root: " + e.linkTarget());
                }
            }
        }

        /** Refuses a path beneath a symlink or a file of the same package: extracting it would write through the link. */
        private void checkParents(Manifest manifest, String path) throws UnsafePathException {
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                Optional<ManifestEntry> parent = manifest.find(path.substring(0, slash));
                if (parent.isPresent() && parent.get().type() != EntryType.DIRECTORY) {
                    throw new UnsafePathException(source, path, "lies beneath " + parent.get().path()
                            + ", which is a " + (parent.get().type() == EntryType.SYMLINK ? "symlink" : "file")
                            + " in the same package; extracting it would write through that entry");
                }
            }
        }

        private void checkScript(ManifestEntry expected, TarEntry e, byte[] script) throws IsnException {
            OpenPackage.checkHeader(source, expected, e);
            String actual = sha256(script);
            if (!actual.equals(expected.sha256())) {
                throw new ManifestMismatchException(source, PackageLayout.INSTALL, "sha256", expected.sha256(), actual);
            }
        }
    }

    static String sha256(byte[] data) {
        return Sha256.ofBytes(data);
    }
}
