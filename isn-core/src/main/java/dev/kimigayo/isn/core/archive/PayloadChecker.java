package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import dev.kimigayo.isn.core.IsnException;

/** Checks each payload entry against the manifest and the safety rules, feeding the sink. */
final class PayloadChecker {

    private final String source;
    private final Manifest manifest;
    private final Set<String> setuid;
    private final TarReader tar;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> files = new HashSet<>();
    private String previous;

    PayloadChecker(String source, Manifest manifest, Set<String> setuid, TarReader tar) {
        this.source = source;
        this.manifest = manifest;
        this.setuid = setuid;
        this.tar = tar;
    }

    /** Streams entries from {@code first} to the end marker into {@code sink}. */
    void run(TarEntry first, EntrySink sink) throws IOException, IsnException {
        for (TarEntry e = first; e != null; e = tar.next()) {
            ManifestEntry expected = check(e);
            VerifyingContent content = new VerifyingContent(tar.content(), source, expected);
            sink.accept(expected, content);
            content.finish();
            seen.add(e.path());
            if (expected.type() == EntryType.FILE) {
                files.add(e.path());
            }
            previous = e.path();
        }
        int listed = manifest.size() - (manifest.find(PackageLayout.INSTALL).isPresent() ? 1 : 0);
        if (seen.size() != listed) {
            for (ManifestEntry m : manifest.entries()) {
                if (!seen.contains(m.path()) && !m.path().equals(PackageLayout.INSTALL)) {
                    throw new ManifestMismatchException(source, m.path(), "presence", "present", "missing from the package");
                }
            }
        }
    }

    private ManifestEntry check(TarEntry e) throws IsnException {
        String path = e.path();
        if (e.type() == TarFormat.CHAR_DEVICE || e.type() == TarFormat.BLOCK_DEVICE || e.type() == TarFormat.FIFO) {
            throw new ForbiddenEntryException(source, path, "is a device node or FIFO; packages never carry them");
        }
        String problem = EntryPaths.problem(path);
        if (problem != null) {
            throw new UnsafePathException(source, path, problem);
        }
        if (PackageLayout.isMetadata(path)) {
            throw new MalformedPackageException(source, path, "metadata entry out of place; it may only appear before the payload");
        }
        if (seen.contains(path)) {
            throw new DuplicateEntryException(source, path, "appears twice in the package");
        }
        if (previous != null && EntryPaths.ORDER.compare(previous, path) > 0) {
            throw new MalformedPackageException(source, path, "payload out of order: comes after " + previous);
        }
        if ((e.mode() & 06000) != 0 && !setuid.contains(path)) {
            throw new ForbiddenEntryException(source, path, String.format(
                    "has mode %04o but PKGINFO does not declare it in 'setuid'", e.mode()));
        }
        if (e.type() == TarFormat.SYMLINK && !EntryPaths.linkStaysInside(path, e.linkTarget())) {
            throw new UnsafePathException(source, path, "symlink target escapes the package root: " + e.linkTarget());
        }
        if (e.type() == TarFormat.HARDLINK && !files.contains(e.linkTarget())) {
            throw new UnsafePathException(source, path, "hardlink to " + e.linkTarget()
                    + ", which is not a regular file earlier in the package");
        }
        ManifestEntry expected = manifest.find(path).orElseThrow(() ->
                new ManifestMismatchException(source, path, "presence", "not listed", "present in the package"));
        OpenPackage.checkHeader(source, expected, e);
        return expected;
    }
}
