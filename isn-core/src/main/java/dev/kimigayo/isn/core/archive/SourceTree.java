package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kimigayo.isn.crypto.Sha256;

/**
 * Turns a source directory into the sorted payload of a package: every mode bit as the tree has
 * it (0777 for symlinks), owners as {@link PackerIdentity} records them, both overridden by
 * {@code PKGATTRS}; setuid/setgid only where PKGINFO declares them; hardlinks stored as links to
 * the first of their names in payload order. Independent of listing order, mtimes and locale
 * collation; modes are the tree's, so a build sets them explicitly rather than trusting the umask.
 */
final class SourceTree {

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private final Path root;
    private final Set<String> setuid;
    private final SourceAttributes declared;
    private final PackerIdentity packer;
    private final byte[] buffer = new byte[64 * 1024];

    SourceTree(Path root, Set<String> setuid, SourceAttributes declared, PackerIdentity packer) {
        this.root = root;
        this.setuid = setuid;
        this.declared = declared;
        this.packer = packer;
    }

    /** Scans the payload (everything but top-level PKGINFO and .INSTALL), sorted by path. */
    List<SourceEntry> scan() throws IOException, PackSourceException {
        List<Path> paths = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    paths.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                paths.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        List<String> names = new ArrayList<>(paths.size());
        Map<String, Path> byName = new HashMap<>();
        for (Path p : paths) {
            String name = relative(p);
            if (name.equals(PackageLayout.PKGINFO) || name.equals(PackageLayout.INSTALL)
                    || name.equals(SourceAttributes.FILE)) {
                continue;
            }
            if (PackageLayout.isMetadata(name)) {
                throw new PackSourceException(p.toString(), "reserved name; remove it from the package directory");
            }
            names.add(name);
            byName.put(name, p);
        }
        names.sort(EntryPaths.ORDER);
        for (String declared : setuid) {
            if (!byName.containsKey(declared)) {
                throw new PackSourceException(root.resolve(declared).toString(),
                        "declared in PKGINFO 'setuid' but not in the package directory");
            }
        }
        for (String path : declared.paths()) {
            if (!byName.containsKey(path)) {
                throw new PackSourceException(root.resolve(SourceAttributes.FILE).toString(),
                        "declares attributes of " + path + ", which is not in the package directory");
            }
        }
        List<SourceEntry> entries = new ArrayList<>(names.size());
        Map<Object, ManifestEntry> inodes = new HashMap<>();
        for (String name : names) {
            entries.add(entry(name, byName.get(name), inodes));
        }
        return entries;
    }

    /** The manifest entry of {@code .INSTALL} as the package will carry it. */
    SourceEntry script(Path file) throws IOException, PackSourceException {
        // The script is metadata, never installed as a file: 0755 or 0644 and root's, whatever the tree says.
        ManifestEntry e = entry(PackageLayout.INSTALL, file, new HashMap<>()).entry();
        return new SourceEntry(ManifestEntry.file(e.path(), (e.mode() & 0111) != 0 ? 0755 : 0644, e.size(), e.sha256()), file);
    }

    private SourceEntry entry(String name, Path p, Map<Object, ManifestEntry> inodes) throws IOException, PackSourceException {
        Map<String, Object> attrs = Files.readAttributes(p, "unix:mode,ino,dev,nlink,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int raw = (Integer) attrs.get("mode");
        SourceAttributes.Override o = declared.of(name);
        int mode = o != null && o.mode() >= 0 ? o.mode() : raw & 07777;
        long uid = o != null && o.uid() >= 0 ? o.uid() : packer.record(((Number) attrs.get("uid")).longValue(), packer.uid());
        long gid = o != null && o.gid() >= 0 ? o.gid() : packer.record(((Number) attrs.get("gid")).longValue(), packer.gid());
        if (uid > SourceAttributes.MAX_ID || gid > SourceAttributes.MAX_ID) {
            throw new PackSourceException(p.toString(), "owner " + uid + ":" + gid + " is larger than "
                    + SourceAttributes.MAX_ID + "; declare a smaller one in " + SourceAttributes.FILE);
        }
        if ((raw & S_IFMT) != S_IFLNK) {
            checkSetuid(name, p, mode);
        }
        switch (raw & S_IFMT) {
            case S_IFDIR -> {
                return new SourceEntry(new ManifestEntry(name, EntryType.DIRECTORY, mode, uid, gid, 0, null, null), p);
            }
            case S_IFLNK -> {
                if (o != null && o.mode() >= 0 && o.mode() != 0777) {
                    throw new PackSourceException(p.toString(), "is a symlink; symlinks have no mode of their own, use '-' in "
                            + SourceAttributes.FILE);
                }
                String target = Files.readSymbolicLink(p).toString();
                checkName(p, target);
                return new SourceEntry(new ManifestEntry(name, EntryType.SYMLINK, 0777, uid, gid, 0, null, target), p);
            }
            case S_IFREG -> {
                Object inode = List.of(attrs.get("dev"), attrs.get("ino"));
                ManifestEntry first = ((Integer) attrs.get("nlink")) > 1 ? inodes.get(inode) : null;
                if (first != null) {
                    if (first.mode() != mode || first.uid() != uid || first.gid() != gid) {
                        throw new PackSourceException(p.toString(), "is a hardlink of " + first.path()
                                + " but is declared with other attributes; hardlinks share one mode and owner");
                    }
                    return new SourceEntry(ManifestEntry.hardlink(name, first), p);
                }
                ManifestEntry file = hash(name, mode, uid, gid, p);
                inodes.put(inode, file);
                return new SourceEntry(file, p);
            }
            default -> throw new PackSourceException(p.toString(),
                    "is a device node, FIFO or socket; packages never carry them (create it in a post_install script)");
        }
    }

    private void checkSetuid(String name, Path p, int mode) throws PackSourceException {
        boolean special = (mode & 06000) != 0;
        if (special && !setuid.contains(name)) {
            throw new PackSourceException(p.toString(), String.format(
                    "has the setuid/setgid bit (mode %04o); declare it in PKGINFO 'setuid' or clear the bit", mode));
        }
        if (!special && setuid.contains(name)) {
            throw new PackSourceException(p.toString(), "declared in PKGINFO 'setuid' but has no setuid/setgid bit; chmod it");
        }
    }

    private ManifestEntry hash(String name, int mode, long uid, long gid, Path p) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new ManifestEntry(name, EntryType.FILE, mode, uid, gid, size, Sha256.hex(digest.digest()), null);
    }

    private String relative(Path p) throws PackSourceException {
        StringBuilder name = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part.toString());
        }
        String s = name.toString();
        checkName(p, s);
        String problem = EntryPaths.problem(s);
        if (problem != null) {
            throw new PackSourceException(p.toString(), problem);
        }
        return s;
    }

    private static void checkName(Path p, String name) throws PackSourceException {
        if (name.indexOf('\uFFFD') >= 0) {
            throw new PackSourceException(p.toString(), "name is not valid UTF-8 in this locale; rename it, or run isn with LC_ALL=C.UTF-8");
        }
        String control = EntryPaths.controlProblem(name);
        if (control != null) {
            throw new PackSourceException(p.toString(), control + "; rename it");
        }
    }
}
