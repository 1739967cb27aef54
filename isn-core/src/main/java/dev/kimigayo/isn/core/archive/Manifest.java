package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed list of every entry a package installs, plus its {@code .INSTALL} script when it has
 * one, in payload order. Its canonical text (see {@link #encode()}) is hashed into PKGINFO's
 * {@code sha256}.
 */
public final class Manifest {

    /** The first line of every manifest; a new format gets a new number. */
    public static final String HEADER = "isn-manifest 1";

    private final List<ManifestEntry> entries;
    private final Map<String, ManifestEntry> byPath;

    /** A manifest of {@code entries}, which must be sorted by {@link EntryPaths#ORDER} without duplicates. */
    public Manifest(List<ManifestEntry> entries) {
        this.entries = List.copyOf(entries);
        this.byPath = new HashMap<>(entries.size() * 2);
        for (ManifestEntry e : this.entries) {
            byPath.put(e.path(), e);
        }
    }

    /** Every entry, sorted by path. */
    public List<ManifestEntry> entries() {
        return entries;
    }

    /** The entry for {@code path}, if listed. */
    public Optional<ManifestEntry> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The number of entries, {@code .INSTALL} included. */
    public int size() {
        return entries.size();
    }

    /** The installed size: the sum of the sizes of regular payload files (hardlinks count once). */
    public long installedSize() {
        long total = 0;
        for (ManifestEntry e : entries) {
            if (e.type() == EntryType.FILE && !e.path().equals(PackageLayout.INSTALL)) {
                total += e.size();
            }
        }
        return total;
    }

    /** The canonical text: the header line, then one tab-separated line per entry, each ending in LF. */
    public byte[] encode() {
        StringBuilder text = new StringBuilder(64 + entries.size() * 120).append(HEADER).append('\n');
        for (ManifestEntry e : entries) {
            text.append(e.type().code()).append('\t')
                .append(String.format("%04o", e.mode())).append('\t')
                .append(e.uid()).append('\t')
                .append(e.gid()).append('\t')
                .append(e.size()).append('\t')
                .append(e.sha256() == null ? "-" : e.sha256()).append('\t')
                .append(e.path());
            if (e.linkTarget() != null) {
                text.append('\t').append(e.linkTarget());
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
