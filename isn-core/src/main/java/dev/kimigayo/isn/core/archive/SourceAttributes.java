package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional {@code PKGATTRS} file beside PKGINFO: declared modes and numeric owners that
 * override what the source tree has, for packagers who cannot (or do not want to) run as root.
 * One line per path, {@code MODE UID GID PATH}, where each of the first three may be {@code -}
 * to keep the tree's value (docs/format-package.md, "Attributes").
 */
final class SourceAttributes {

    /** The file name, at the top of a package source directory; never part of the payload. */
    static final String FILE = "PKGATTRS";
    /** Largest owner id: the ustar uid/gid fields hold seven octal digits. */
    static final long MAX_ID = 07777777;

    private static final Pattern LINE = Pattern.compile("(-|[0-7]{3,4}) (-|0|[1-9][0-9]{0,6}) (-|0|[1-9][0-9]{0,6}) (\\S.*)");
    private static final long MAX_SIZE = 4L * 1024 * 1024;

    /**
     * A declared override.
     *
     * @param mode the permission bits, or -1 to keep the tree's
     * @param uid  the owner, or -1 to keep the tree's
     * @param gid  the group, or -1 to keep the tree's
     */
    record Override(int mode, long uid, long gid) {
    }

    /** No overrides. */
    static final SourceAttributes NONE = new SourceAttributes(Map.of());

    private final Map<String, Override> byPath;

    private SourceAttributes(Map<String, Override> byPath) {
        this.byPath = byPath;
    }

    /** The override for {@code path}, or null. */
    Override of(String path) {
        return byPath.get(path);
    }

    /** Every declared path, for the check that each exists in the tree. */
    Set<String> paths() {
        return byPath.keySet();
    }

    /** Reads {@code dir/PKGATTRS} when present. */
    static SourceAttributes read(Path dir) throws IOException, PackSourceException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_SIZE) {
            throw new PackSourceException(file.toString(), "must be a regular file of at most " + MAX_SIZE + " bytes");
        }
        Map<String, Override> map = new HashMap<>();
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(line);
            String where = file + " line " + (i + 1);
            if (!m.matches()) {
                throw new PackSourceException(where, "expected 'MODE UID GID PATH' (octal mode, numeric ids,"
                        + " '-' keeps the tree's value), found '" + shorten(line) + "'");
            }
            String path = m.group(4);
            String problem = EntryPaths.problem(path);
            if (problem != null) {
                throw new PackSourceException(where, problem + ": " + shorten(path));
            }
            Override o = new Override(m.group(1).equals("-") ? -1 : Integer.parseInt(m.group(1), 8),
                    id(m.group(2), where), id(m.group(3), where));
            if (map.put(path, o) != null) {
                throw new PackSourceException(where, "path " + path + " is listed twice");
            }
        }
        return new SourceAttributes(map);
    }

    private static long id(String text, String where) throws PackSourceException {
        if (text.equals("-")) {
            return -1;
        }
        long id = Long.parseLong(text);
        if (id > MAX_ID) {
            throw new PackSourceException(where, "owner id " + id + " is larger than " + MAX_ID);
        }
        return id;
    }

    private static String shorten(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder b = new StringBuilder();
        for (char c : shown.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
