package dev.kimigayo.isn.core.fileplan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.kimigayo.isn.core.root.ReservedPaths;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.root.SymlinkInPathException;
import dev.kimigayo.isn.core.txn.ChangeSetBuilder;

/**
 * Turns "these package versions come in, those go out" into filesystem steps, refusing hostile
 * or conflicting changes before anything is touched: writing through an existing symlink
 * (usr-merge directory links excepted), file/directory type clashes, and paths owned by another
 * package without {@code replaces}. Also applies config protection ({@code .isn-new},
 * {@code .isn-save}).
 */
public final class FilePlanner {

    /** Who owns a path among the installed packages (before this transaction). */
    @FunctionalInterface
    public interface Owners {
        /** The names of the installed packages owning {@code path}. */
        Set<String> of(String path) throws IOException;
    }

    private final RootLayout root;
    private final RootGuard guard;
    private final Owners owners;
    private final boolean purge;
    private final Set<String> leaving = new TreeSet<>();
    private final Map<String, String> recordedHash = new HashMap<>();
    private final Set<String> mkdirs = new TreeSet<>();
    private final Map<String, PackageFiles> claims = new LinkedHashMap<>();
    private final Map<String, RootPaths> ancestors = new HashMap<>();
    private final Set<String> skippedLinks = new TreeSet<>();
    private final Set<String> leavingDirs = new java.util.HashSet<>();
    private final FilePlanBuilder out;
    private final TypeChanges types;

    private FilePlanner(RootLayout root, String txn, Owners owners, boolean purge) {
        this.root = root;
        // Planning changes nothing in the root: a directory found real stays real.
        this.guard = RootGuard.caching(root.root());
        this.owners = owners;
        this.purge = purge;
        this.out = new FilePlanBuilder(new ChangeSetBuilder(root, txn));
        this.types = new TypeChanges(root, owners, leaving, purge);
    }

    /**
     * Plans the file steps for {@code incoming} package versions (in install order) replacing
     * or joining the installed ones, and {@code outgoing} versions (removed packages and the old
     * versions of upgraded ones, with their recorded hashes).
     */
    public static FilePlan plan(RootLayout root, String txn, List<PackageFiles> incoming,
            List<PackageFiles> outgoing, Owners owners, boolean purge) throws IOException, UnsafeRootPathException,
            FileConflictException {
        FilePlanner p = new FilePlanner(root, txn, owners, purge);
        for (PackageFiles o : outgoing) {
            p.leaving.add(o.name());
            p.types.leaving(o);
            for (FileEntry f : o.files()) {
                if (f.type() == FileEntry.Type.DIRECTORY) {
                    p.leavingDirs.add(f.path());
                }
                if (f.sha256() != null) {
                    p.recordedHash.put(f.path(), f.sha256());
                }
            }
        }
        p.claim(incoming);
        for (PackageFiles pkg : incoming) {
            p.place(pkg);
        }
        p.checkReplacedDirectories();
        p.takeAway(outgoing);
        return p.out.build(p.mkdirs);
    }

    /** Decides which incoming package gets each non-directory path; two claimants need {@code replaces}. */
    private void claim(List<PackageFiles> incoming) throws FileConflictException {
        for (PackageFiles pkg : incoming) {
            for (FileEntry f : pkg.files()) {
                if (!f.type().isLeaf()) {
                    continue;
                }
                PackageFiles earlier = claims.get(f.path());
                if (earlier == null || pkg.replaces().contains(earlier.name())) {
                    claims.put(f.path(), pkg);
                } else if (!earlier.replaces().contains(pkg.name())) {
                    throw new FileConflictException(f.path(), pkg.name(), earlier.name());
                }
            }
        }
    }

    private void place(PackageFiles pkg) throws IOException, UnsafeRootPathException, FileConflictException {
        for (FileEntry f : pkg.files()) {
            if (f.type().isLeaf() && claims.get(f.path()) != pkg) {
                continue;
            }
            String moved = types.relocated(f.path());
            if (moved == null) {
                checkAncestors(pkg, f.path());
                moved = types.relocated(f.path());
            }
            if (moved != null) {
                stageInside(pkg, f, moved);
                continue;
            }
            RootPaths existing = underAbsent(f.path()) ? RootPaths.ABSENT : RootPaths.at(guard.resolve(f.path()));
            if (f.type() == FileEntry.Type.DIRECTORY) {
                placeDirectory(pkg, f, existing);
            } else {
                placeLeaf(pkg, f, existing);
            }
        }
    }

    private void checkAncestors(PackageFiles pkg, String path)
            throws IOException, UnsafeRootPathException, FileConflictException {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String ancestor = path.substring(0, slash);
            switch (ancestorState(ancestor)) {
                case ABSENT -> {
                    // A directory the package needs but does not list: it owns it, so removal can tidy it up.
                    mkdirs.add(ancestor);
                    out.own(pkg.name(), FileEntry.directory(ancestor, 0755));
                }
                case DIRECTORY -> {
                }
                case SYMLINK -> {
                    refuseSwappedDirectory(pkg, path, ancestor);
                    if (!RootPaths.isUsrMergeLink(root.root(), ancestor)) {
                        retypeAncestor(pkg, path, ancestor, "symlink /" + ancestor
                                + " is on the way; isn only writes through usr-merge directory links");
                        return;
                    }
                }
                case FILE -> {
                    retypeAncestor(pkg, path, ancestor, "/" + ancestor + " exists and is not a directory");
                    return;
                }
                default -> throw new UnsafeRootPathException(pkg.name(), path,
                        "/" + ancestor + " exists and is not a directory");
            }
        }
    }

    /**
     * A directory the installed version recorded has become a symlink since (the administrator's
     * doing): isn neither writes through it (it may lead outside the root) nor silently deletes it.
     */
    private void refuseSwappedDirectory(PackageFiles pkg, String path, String dir)
            throws IOException, UnsafeRootPathException {
        if (leavingDirs.contains(dir) && !RootPaths.isUsrMergeLink(root.root(), dir)) {
            String target = java.nio.file.Files.readSymbolicLink(root.resolve(dir)).toString();
            throw new UnsafeRootPathException(pkg.name(), path, "symlink /" + dir + " (to " + target
                    + ") has replaced a directory of the installed package; isn neither follows nor removes it:"
                    + " put the directory back, or remove the package first, and retry");
        }
    }

    /** An ancestor the package needs as a directory is a file or symlink: replace it if it is the upgrade's own. */
    private void retypeAncestor(PackageFiles pkg, String path, String ancestor, String usual)
            throws IOException, UnsafeRootPathException, FileConflictException {
        String why = types.whyNotDirectory(ancestor, usual);
        if (why != null) {
            throw new UnsafeRootPathException(pkg.name(), path, why);
        }
        retype(pkg, FileEntry.directory(ancestor, 0755));
    }

    /** Plans directory {@code dir} in place of a file: built whole under a temporary name, renamed in one step. */
    private void retype(PackageFiles pkg, FileEntry dir) throws FileConflictException {
        PackageFiles claimant = claims.get(dir.path());
        if (claimant != null) {
            // Another incoming package puts a file where this one now wants its directory.
            throw new FileConflictException(dir.path(), pkg.name(), claimant.name());
        }
        Path temp = out.changes().placeFile(dir.path());
        String rel = root.root().relativize(temp).toString();
        mkdirs.add(rel);
        out.stage(pkg.name(), dir.path(), temp);
        out.own(pkg.name(), dir);
        types.toDirectory(dir.path(), rel);
        out.note("/" + dir.path() + " becomes a directory (it was a file of " + pkg.name() + ")");
    }

    /** Stages {@code f}, inside a directory that replaces a file, at {@code moved}; its new tree has no old state. */
    private void stageInside(PackageFiles pkg, FileEntry f, String moved) {
        for (int slash = f.path().indexOf('/'); slash > 0; slash = f.path().indexOf('/', slash + 1)) {
            String ancestor = f.path().substring(0, slash);
            String inside = types.relocated(ancestor);
            if (inside != null) {
                mkdirs.add(inside);
                out.own(pkg.name(), FileEntry.directory(ancestor, 0755));
            }
        }
        if (f.type() == FileEntry.Type.DIRECTORY) {
            mkdirs.add(moved);
        }
        out.stage(pkg.name(), f.path(), root.resolve(moved));
        out.own(pkg.name(), f);
    }

    /**
     * What is at an ancestor directory; the root does not change while planning, and ancestors
     * repeat. Callers walk down from the top and stop at the first symlink, so the guard only
     * crosses usr-merge links here.
     */
    private RootPaths ancestorState(String ancestor) throws IOException {
        RootPaths known = ancestors.get(ancestor);
        if (known == null) {
            known = underAbsent(ancestor) ? RootPaths.ABSENT : RootPaths.at(guard.resolve(ancestor));
            ancestors.put(ancestor, known);
        }
        return known;
    }

    /**
     * True when the parent of {@code path} was already found absent: nothing can be below it, so
     * no {@code lstat} is made (a fresh install would otherwise make one failing call per path,
     * each costing the JDK an exception).
     */
    private boolean underAbsent(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 && ancestors.get(path.substring(0, slash)) == RootPaths.ABSENT;
    }

    private void placeDirectory(PackageFiles pkg, FileEntry f, RootPaths existing)
            throws IOException, UnsafeRootPathException, FileConflictException {
        switch (existing) {
            case ABSENT -> {
                mkdirs.add(f.path());
                out.stage(pkg.name(), f.path(), root.resolve(f.path()));
            }
            case DIRECTORY -> {
            }
            case SYMLINK -> {
                refuseSwappedDirectory(pkg, f.path(), f.path());
                if (!RootPaths.isUsrMergeLink(root.root(), f.path())) {
                    retypeOrRefuse(pkg, f, "symlink in the root where the package has a directory");
                    return;
                }
            }
            case FILE -> {
                retypeOrRefuse(pkg, f, "a file exists in the root where the package has a directory");
                return;
            }
            default -> throw new UnsafeRootPathException(pkg.name(), f.path(),
                    "a device, FIFO or socket exists in the root where the package has a directory");
        }
        out.own(pkg.name(), f);
    }

    private void retypeOrRefuse(PackageFiles pkg, FileEntry f, String usual)
            throws IOException, UnsafeRootPathException, FileConflictException {
        String staged = types.stagedAt(f.path());
        if (staged != null) {
            // Already replaced for an earlier entry below it: this entry only brings the directory's own mode.
            out.stage(pkg.name(), f.path(), root.resolve(staged));
            out.own(pkg.name(), f);
            return;
        }
        String why = types.whyNotDirectory(f.path(), usual);
        if (why != null) {
            throw new UnsafeRootPathException(pkg.name(), f.path(), why);
        }
        retype(pkg, f);
    }

    private void placeLeaf(PackageFiles pkg, FileEntry f, RootPaths existing)
            throws IOException, UnsafeRootPathException, FileConflictException {
        if (existing == RootPaths.DIRECTORY) {
            String why = types.whyNotLeaf(f.path(), "a directory exists in the root where the package has a file");
            if (why != null) {
                throw new UnsafeRootPathException(pkg.name(), f.path(), why);
            }
            types.toLeaf(f.path(), pkg.name());
            out.note("/" + f.path() + " stops being a directory (its content belonged to the replaced "
                    + pkg.name() + ")");
        } else if (existing == RootPaths.OTHER) {
            throw new UnsafeRootPathException(pkg.name(), f.path(),
                    "a device, FIFO or socket exists in the root where the package has a file");
        }
        for (String owner : owners.of(f.path())) {
            if (leaving.contains(owner) || owner.equals(pkg.name())) {
                continue;
            }
            if (!pkg.replaces().contains(owner)) {
                throw new FileConflictException(f.path(), pkg.name(), owner);
            }
            out.disown(owner, f.path());
        }
        out.own(pkg.name(), f);
        if (f.type() == FileEntry.Type.FILE && existing == RootPaths.FILE && pkg.isConfig(f.path())) {
            String disk = RootPaths.sha256(guard.resolve(f.path()));
            if (disk.equals(f.sha256())) {
                return;
            }
            String recorded = recordedHash.get(f.path());
            if (recorded == null || !recorded.equals(disk)) {
                String isnNew = f.path() + ReservedPaths.CONFIG_NEW_SUFFIX;
                out.stage(pkg.name(), f.path(), out.changes().placeFile(isnNew));
                out.note("/" + f.path() + " was changed locally: kept it, wrote the new version as /" + isnNew);
                return;
            }
        }
        out.stage(pkg.name(), f.path(), out.changes().placeFile(f.path(), existing != RootPaths.ABSENT));
    }

    /** A directory that becomes a file must not receive a path of any incoming package. */
    private void checkReplacedDirectories() throws UnsafeRootPathException {
        for (Map.Entry<String, String> d : types.replacedDirectories().entrySet()) {
            Map.Entry<String, String> below = out.ownedBelow(d.getKey());
            if (below != null) {
                throw new UnsafeRootPathException(below.getKey(), below.getValue(), "/" + d.getKey()
                        + " becomes a file of " + d.getValue() + " in the same transaction");
            }
        }
    }

    private void takeAway(List<PackageFiles> outgoing) throws IOException {
        Map<String, PackageFiles> dirs = new TreeMap<>();
        for (PackageFiles pkg : outgoing) {
            for (FileEntry f : pkg.files()) {
                if (claims.containsKey(f.path()) || out.isOwned(f.path()) || stillOwned(f.path())
                        || types.insideReplacedDirectory(f.path())) {
                    continue;
                }
                if (f.type() == FileEntry.Type.DIRECTORY) {
                    dirs.put(f.path(), pkg);
                    continue;
                }
                Path real;
                try {
                    real = guard.resolve(f.path());
                } catch (SymlinkInPathException e) {
                    // The administrator swapped a directory for a symlink: what is behind it is not the
                    // package's to delete (it may be outside the root). Leave it, and say so once.
                    if (skippedLinks.add(e.link())) {
                        out.note("/" + e.link() + " is now a symlink (to " + e.target() + "): left what is behind it"
                                + " alone; isn never follows a symlink when removing files");
                    }
                    continue;
                }
                RootPaths existing = RootPaths.at(real);
                if (existing == RootPaths.ABSENT || existing == RootPaths.DIRECTORY) {
                    continue;
                }
                if (!purge && existing == RootPaths.FILE && pkg.isConfig(f.path()) && f.sha256() != null
                        && !f.sha256().equals(RootPaths.sha256(real))) {
                    String saved = f.path() + ReservedPaths.CONFIG_SAVE_SUFFIX;
                    out.changes().save(f.path(), saved);
                    out.note("/" + f.path() + " was changed locally: saved it as /" + saved);
                } else {
                    out.changes().remove(f.path());
                }
            }
        }
        List<String> reversed = new ArrayList<>(dirs.keySet());
        java.util.Collections.reverse(reversed);
        out.rmdirs(reversed);
    }

    private boolean stillOwned(String path) throws IOException {
        for (String owner : owners.of(path)) {
            if (!leaving.contains(owner)) {
                return true;
            }
        }
        return false;
    }
}
