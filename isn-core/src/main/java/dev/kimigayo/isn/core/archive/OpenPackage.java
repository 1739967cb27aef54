package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * A package whose signature, PKGINFO and manifest have been verified, positioned at its payload.
 * Call {@link #extract} once to stream and verify the payload; the package is fully verified
 * only when it returns.
 */
public final class OpenPackage {

    /**
     * What was verified of a package's metadata, kept to open the same file again cheaply with
     * {@link PackageReader#reopen}; holds no stream.
     */
    public static final class Header {
        private final String source;
        private final byte[] signature;
        private final byte[] pkginfo;
        private final Optional<String> signer;
        private final PkgInfo info;
        private final Manifest manifest;

        private Header(OpenPackage p) {
            this.source = p.source;
            this.signature = p.signature;
            this.pkginfo = p.pkginfo;
            this.signer = p.signer;
            this.info = p.info;
            this.manifest = p.manifest;
        }

        /** The name used in messages. */
        public String source() {
            return source;
        }

        /** The verified PKGINFO. */
        public PkgInfo info() {
            return info;
        }

        boolean signs(byte[] otherPkginfo, byte[] otherSignature) {
            return Arrays.equals(pkginfo, otherPkginfo) && Arrays.equals(signature, otherSignature);
        }

        Optional<String> signer() {
            return signer;
        }

        Manifest manifest() {
            return manifest;
        }
    }

    private final String source;
    private final byte[] signature;
    private final byte[] pkginfo;
    private final PkgInfo info;
    private final Manifest manifest;
    private final Optional<String> signer;
    private final byte[] script;
    private final TarReader tar;
    private final CappedInputStream capped;
    private TarEntry next;
    private boolean extracted;

    OpenPackage(String source, byte[] signature, byte[] pkginfo, PkgInfo info, Manifest manifest,
                Optional<String> signer, byte[] script, TarReader tar, CappedInputStream capped, TarEntry next) {
        this.source = source;
        this.signature = signature;
        this.pkginfo = pkginfo;
        this.info = info;
        this.manifest = manifest;
        this.signer = signer;
        this.script = script;
        this.tar = tar;
        this.capped = capped;
        this.next = next;
    }

    /** The verified metadata, detached from the stream, for {@link PackageReader#reopen}. */
    public Header header() {
        return new Header(this);
    }

    /** The name of the package file (or other origin) used in messages. */
    public String source() {
        return source;
    }

    /** The exact PKGINFO bytes the signature covers. */
    public byte[] pkginfoBytes() {
        return pkginfo.clone();
    }

    /** The verified PKGINFO. */
    public PkgInfo info() {
        return info;
    }

    /** The verified manifest: every payload path with its type, mode, owner, size, hash and link target. */
    public Manifest manifest() {
        return manifest;
    }

    /** The hex key id of the trusted key that signed PKGINFO, or empty for an untrusted package. */
    public Optional<String> signer() {
        return signer;
    }

    /** The verified {@code .INSTALL} script, if the package has one. */
    public Optional<byte[]> installScript() {
        return Optional.ofNullable(script).map(byte[]::clone);
    }

    /**
     * Streams every payload entry to {@code sink} in payload order, checking each against the
     * manifest, then checks that nothing is missing and nothing follows the archive.
     */
    public void extract(EntrySink sink) throws IOException, IsnException {
        if (extracted) {
            throw new IllegalStateException("the payload of " + source + " was already read");
        }
        extracted = true;
        try {
            new PayloadChecker(source, manifest, Set.copyOf(info.setuid()), tar).run(next, sink);
            tar.finish();
            // Reading to the end makes the gzip layer check its trailer and refuse trailing data.
            if (capped.read() != -1) {
                throw new TrailingDataException(source, null, "data after the end of the archive");
            }
        } catch (RejectedIOException e) {
            throw e.rejection();
        }
    }

    /** Checks that a tar header agrees with its manifest entry in type, mode, owner, size and link. */
    static void checkHeader(String source, ManifestEntry expected, TarEntry actual) throws ManifestMismatchException {
        char type = switch (expected.type()) {
            case FILE -> TarFormat.REGULAR;
            case DIRECTORY -> TarFormat.DIRECTORY;
            case SYMLINK -> TarFormat.SYMLINK;
            case HARDLINK -> TarFormat.HARDLINK;
        };
        String path = expected.path();
        if (actual.type() != type) {
            throw new ManifestMismatchException(source, path, "type", "'" + type + "'", "'" + actual.type() + "'");
        }
        if (actual.mode() != expected.mode()) {
            throw new ManifestMismatchException(source, path, "mode",
                    String.format("%04o", expected.mode()), String.format("%04o", actual.mode()));
        }
        if (actual.uid() != expected.uid() || actual.gid() != expected.gid()) {
            throw new ManifestMismatchException(source, path, "owner",
                    expected.uid() + ":" + expected.gid(), actual.uid() + ":" + actual.gid());
        }
        if (actual.size() != expected.contentSize()) {
            throw new ManifestMismatchException(source, path, "size",
                    Long.toString(expected.contentSize()), Long.toString(actual.size()));
        }
        if (!java.util.Objects.equals(actual.linkTarget(), expected.linkTarget())) {
            throw new ManifestMismatchException(source, path, "link", String.valueOf(expected.linkTarget()),
                    String.valueOf(actual.linkTarget()));
        }
    }
}
