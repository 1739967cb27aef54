package dev.kimigayo.isn.core.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.version.Constraint;

/**
 * The entry points for commands that change a root. A change is planned and committed under one
 * write lock ({@link Transaction}); {@link #run} is the whole sequence with a confirmation between
 * the two, {@link #dryRun} plans without writing anything.
 */
public final class Engine {

    private Engine() {
    }

    /**
     * Plans {@code request}, asks {@code confirm} with that plan, and commits the same plan object
     * if it says yes, all under one write lock. A dry-run request is planned without a lock and
     * without writing anything.
     */
    public static Outcome run(EngineSettings settings, PackageRequest request, Confirmation confirm)
            throws IsnException {
        if (request.dryRun()) {
            return new Outcome(dryRun(settings, request), true, false, null);
        }
        try (Transaction t = Transaction.open(settings)) {
            Plan plan = t.plan(request);
            if (plan.isEmpty()) {
                return new Outcome(plan, false, false, null);
            }
            if (!confirm.confirm(plan)) {
                return new Outcome(plan, false, true, null);
            }
            return new Outcome(plan, false, false, t.commit(plan));
        }
    }

    /** {@link #run} without asking. */
    public static Outcome run(EngineSettings settings, PackageRequest request) throws IsnException {
        return run(settings, request, Confirmation.ALWAYS);
    }

    /** Plans {@code request} without taking the lock and without writing anything under the root. */
    public static Plan dryRun(EngineSettings settings, PackageRequest request) throws IsnException {
        try (Transaction t = Transaction.openDryRun(settings)) {
            return t.plan(request);
        }
    }

    /**
     * {@code isn update}: fetches and verifies every repository index, recording what was
     * accepted. Every repository is tried; if any could not be refreshed, the first such failure
     * is thrown afterwards (as apk's update reports unavailable repositories in its exit status).
     */
    public static List<LoadedRepository> update(EngineSettings settings) throws IsnException {
        try (Session session = Session.openWriter(settings);
                Fetcher fetcher = new Fetcher(settings.fetch(), new DownloadProgress(settings.listener()))) {
            Workspace ws = Workspace.of(settings);
            try {
                RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), true);
                List<LoadedRepository> loaded = catalog.load(RepositoryCatalog.configured(settings),
                        RepositoryCatalog.Mode.REFRESH, fetcher);
                if (!catalog.failures().isEmpty()) {
                    throw catalog.failures().get(0).reason();
                }
                return loaded;
            } finally {
                ws.close();
            }
        }
    }

    /** Names in a world, for deciding explicit versus dependency installs. */
    static Set<String> names(List<Constraint> world) {
        return world.stream().filter(c -> !c.conflict()).map(Constraint::name).collect(Collectors.toSet());
    }
}
