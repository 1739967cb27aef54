package dev.kimigayo.isn.core.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repo.IndexRelations;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repos.RepositoryCatalog;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Read-only questions about a root ({@code info list search owner files}): no lock, a read-only
 * database, indexes read from {@code file:} repositories and the cache (never fetched).
 */
public final class Queries implements AutoCloseable {

    private final Session session;

    private Queries(Session session) {
        this.session = session;
    }

    /** Opens {@code settings}' root for reading. */
    public static Queries open(EngineSettings settings) throws IsnException {
        return new Queries(Session.openQuery(settings));
    }

    /** Every installed package, by name. */
    public List<InstalledInfo> installed() throws IsnException {
        return installedRows().stream().map(InstalledInfo::of).toList();
    }

    /** The installed package {@code name}. */
    public Optional<InstalledInfo> installed(String name) throws IsnException {
        try {
            return session.db().installed(name).map(InstalledInfo::of);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read package " + name, e);
        }
    }

    /** The paths installed by {@code name}. */
    public List<InstalledPath> files(String name) throws IsnException {
        return fileRows(name).stream().map(InstalledPath::of).toList();
    }

    /** The database's rows, for the checks of this package that compare them with the root. */
    List<InstalledPackage> installedRows() throws IsnException {
        try {
            return session.db().installedPackages();
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the installed packages", e);
        }
    }

    List<InstalledFile> fileRows(String name) throws IsnException {
        try {
            return session.db().filesOf(name);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the files of " + name, e);
        }
    }

    /** The installed packages owning {@code path} (relative to the root). */
    public List<String> owners(String path) throws IsnException {
        try {
            return session.db().ownersOf(path);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot look up /" + path, e);
        }
    }

    /** The world. */
    public List<String> world() throws IsnException {
        try {
            return session.db().world();
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the world", e);
        }
    }

    /**
     * The packages called {@code name} (not merely providing it) in every readable repository
     * index, with their repository; unreadable indexes are warned about. Only those packages are
     * decoded from a cached index.
     */
    public List<Available> availableNamed(String name) throws IsnException {
        return available(relations -> RepoIndex.positionsNamed(relations, name));
    }

    /**
     * The packages whose own name passes {@code name}, in every readable repository index; the
     * names come from the index's relations, so only the packages kept are decoded.
     */
    public List<Available> availableWhere(java.util.function.Predicate<String> name) throws IsnException {
        return available(relations -> java.util.stream.IntStream.range(0, relations.size())
                .filter(p -> name.test(relations.name(relations.own(p)))).toArray());
    }

    /** The packages at the positions {@code pick} finds in each readable index's relations. */
    private List<Available> available(java.util.function.Function<IndexRelations, int[]> pick) throws IsnException {
        List<Available> found = new ArrayList<>();
        for (LoadedRepository r : RepositoryCatalog.readOffline(session)) {
            int[] kept = pick.apply(r.index().relations());
            if (kept.length == 0) {
                continue; // decoding nothing from a cached index would still read it through
            }
            for (IndexEntry p : r.index().subset(kept).packages()) {
                found.add(new Available(p, r.url()));
            }
        }
        return found;
    }

    /**
     * Hands every package of every readable repository index to {@code visitor}, with its
     * repository, holding a slice of a large index at a time (a 65,518-package index as objects
     * does not fit the launcher's heap). The visitor should keep only what it needs; what it
     * kept may be used once this returns.
     */
    public void forEachAvailable(java.util.function.Consumer<Available> visitor) throws IsnException {
        for (LoadedRepository r : RepositoryCatalog.readOffline(session)) {
            r.index().forEachPackage(p -> visitor.accept(new Available(p, r.url())));
        }
    }

    /** A package some repository offers. */
    public record Available(IndexEntry entry, String repository) {
    }

    @Override
    public void close() {
        session.close();
    }
}
