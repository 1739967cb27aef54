package dev.kimigayo.isn.core.archive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.root.ReservedPaths;

/** Strict reader of {@code .MANIFEST}: accepts only the canonical text {@link Manifest#encode()} writes. */
public final class ManifestParser {

    private static final Pattern MODE = Pattern.compile("[0-7]{4}");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String source;
    private int line;

    private ManifestParser(String source) {
        this.source = source;
    }

    /** Parses manifest bytes; {@code source} names the package in error messages. */
    public static Manifest parse(byte[] bytes, String source) throws MalformedPackageException, ReservedPathException {
        return new ManifestParser(source).parse(bytes);
    }

    private Manifest parse(byte[] bytes) throws MalformedPackageException, ReservedPathException {
        String text = decode(bytes);
        if (!text.endsWith("\n")) {
            throw bad("does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        line = 1;
        if (!lines[0].equals(Manifest.HEADER)) {
            throw bad("first line must be '" + Manifest.HEADER + "'");
        }
        List<ManifestEntry> entries = new ArrayList<>(lines.length);
        Map<String, ManifestEntry> files = new HashMap<>();
        String previous = null;
        for (int i = 1; i < lines.length; i++) {
            line = i + 1;
            ManifestEntry e = entry(lines[i]);
            if (previous != null && EntryPaths.ORDER.compare(previous, e.path()) >= 0) {
                throw bad(previous.equals(e.path()) ? "duplicate path " + e.path()
                        : "paths out of order: " + e.path() + " after " + previous);
            }
            if (e.type() == EntryType.HARDLINK) {
                checkHardlink(e, files.get(e.linkTarget()));
            } else if (e.type() == EntryType.FILE) {
                files.put(e.path(), e);
            }
            entries.add(e);
            previous = e.path();
        }
        return new Manifest(entries);
    }

    private ManifestEntry entry(String text) throws MalformedPackageException, ReservedPathException {
        String[] f = text.split("\t", -1);
        if (f.length < 7 || f[0].length() != 1 || EntryType.ofCode(f[0].charAt(0)) == null) {
            throw bad("expected 'TYPE MODE UID GID SIZE SHA256 PATH [TARGET]' separated by tabs");
        }
        EntryType type = EntryType.ofCode(f[0].charAt(0));
        boolean linked = type == EntryType.SYMLINK || type == EntryType.HARDLINK;
        if (f.length != (linked ? 8 : 7)) {
            throw bad("type " + f[0] + " takes " + (linked ? 8 : 7) + " fields, found " + f.length);
        }
        if (!MODE.matcher(f[1]).matches()) {
            throw bad("mode must be four octal digits: " + f[1]);
        }
        int mode = Integer.parseInt(f[1], 8);
        long uid = number(f[2], "uid");
        long gid = number(f[3], "gid");
        long size = number(f[4], "size");
        boolean hashed = type == EntryType.FILE || type == EntryType.HARDLINK;
        String sha = f[5].equals("-") ? null : f[5];
        if (hashed ? sha == null || !SHA256.matcher(sha).matches() : sha != null) {
            throw bad(hashed ? "expected a lower-case hex SHA-256, found " + f[5] : "expected '-' for the hash");
        }
        String problem = EntryPaths.problem(f[6]);
        if (problem != null) {
            throw bad(problem + ": " + f[6]);
        }
        String reserved = ReservedPaths.problem(f[6], type == EntryType.DIRECTORY);
        if (reserved != null) {
            throw new ReservedPathException(source, f[6], reserved);
        }
        String target = linked ? f[7] : null;
        if (linked && EntryPaths.controlProblem(target) != null) {
            throw bad(EntryPaths.controlProblem(target) + " in link target of " + f[6]);
        }
        if (!hashed && size != 0) {
            throw bad("size of a directory or symlink must be 0");
        }
        return new ManifestEntry(f[6], type, mode, uid, gid, size, sha, target);
    }

    private void checkHardlink(ManifestEntry link, ManifestEntry file) throws MalformedPackageException {
        if (file == null) {
            throw bad("hardlink " + link.path() + " must point to a regular file listed before it: " + link.linkTarget());
        }
        if (!ManifestEntry.hardlink(link.path(), file).equals(link)) {
            throw bad("hardlink " + link.path() + " must repeat the mode, owner, size and hash of " + file.path());
        }
    }

    private long number(String text, String what) throws MalformedPackageException {
        if (!NUMBER.matcher(text).matches()) {
            throw bad(what + " must be a decimal number without leading zeros: " + text);
        }
        return Long.parseLong(text);
    }

    private String decode(byte[] bytes) throws MalformedPackageException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPackageException(source, PackageLayout.MANIFEST, "is not valid UTF-8");
        }
    }

    private MalformedPackageException bad(String detail) {
        return new MalformedPackageException(source, PackageLayout.MANIFEST, "line " + line + ": " + detail);
    }
}
