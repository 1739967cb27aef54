package dev.kimigayo.isn.core.fileplan;

import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.OwnedFile;
import dev.kimigayo.isn.db.PackageDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The owners of every path a transaction touches, read from the database in a few batched
 * queries up front. Asking path by path cost one SQLite transaction and one prepared statement
 * per file: for 10,000 files, seconds of a W2-sized install.
 */
public final class OwnerLookup implements FilePlanner.Owners {
    private final PackageDatabase db;
    private final Map<String, Set<String>> owners = new HashMap<>();

    private OwnerLookup(PackageDatabase db) {
        this.db = db;
    }

    /** Loads the owners of every file of {@code incoming} and {@code outgoing} in batches. */
    public static OwnerLookup prefetch(PackageDatabase db, List<PackageFiles> incoming, List<PackageFiles> outgoing)
            throws DatabaseException {
        OwnerLookup lookup = new OwnerLookup(db);
        List<String> paths = new ArrayList<>();
        for (List<PackageFiles> side : List.of(incoming, outgoing)) {
            for (PackageFiles p : side) {
                for (FileEntry f : p.files()) {
                    paths.add(f.path());
                }
            }
        }
        for (String path : paths) {
            lookup.owners.put(path, Set.of());
        }
        Map<String, List<OwnedFile>> found = db.findPaths(lookup.owners.keySet());
        for (Map.Entry<String, List<OwnedFile>> e : found.entrySet()) {
            Set<String> names = new TreeSet<>();
            for (OwnedFile o : e.getValue()) {
                names.add(o.owner());
            }
            lookup.owners.put(e.getKey(), Set.copyOf(names));
        }
        return lookup;
    }

    @Override
    public Set<String> of(String path) throws IOException {
        Set<String> known = owners.get(path);
        if (known != null) {
            return known;
        }
        try {
            Set<String> names = Set.copyOf(db.ownersOf(path));
            owners.put(path, names);
            return names;
        } catch (DatabaseException e) {
            throw new IOException("cannot look up the owner of /" + path + ": " + e.getMessage(), e);
        }
    }
}
