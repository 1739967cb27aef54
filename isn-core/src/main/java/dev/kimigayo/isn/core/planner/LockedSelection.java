package dev.kimigayo.isn.core.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.LockFile;
import dev.kimigayo.isn.core.plan.LockMismatchException;
import dev.kimigayo.isn.core.plan.LockUnavailableException;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.plan.PackageSource;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repo.RepoIndex;

/**
 * Finds every package of a lock file in the loaded indexes, by name, version and the SHA-256 of
 * its file, and keeps only those: the solver of {@code install --locked} can choose nothing else.
 */
final class LockedSelection {

    private LockedSelection() {
    }

    /** The loaded repositories reduced to the locked packages; refuses a hash that differs or a package offered nowhere. */
    static List<LoadedRepository> select(LockFile lock, List<LoadedRepository> repos) throws IsnException {
        Map<LoadedRepository, List<IndexEntry>> chosen = new LinkedHashMap<>();
        repos.forEach(r -> chosen.put(r, new ArrayList<>()));
        List<PackageId> missing = new ArrayList<>();
        for (PackageId p : lock.packages()) {
            String wantedRepo = ((PackageSource.Indexed) p.source()).repository();
            LoadedRepository foundIn = null;
            IndexEntry found = null;
            IndexEntry sameVersion = null;
            LoadedRepository sameVersionIn = null;
            for (LoadedRepository r : repos) {
                for (IndexEntry e : r.index().packages()) {
                    if (!e.info().name().equals(p.name()) || !e.info().version().equals(p.version())) {
                        continue;
                    }
                    if (e.fileSha256().equals(p.sha256()) && (found == null || r.url().equals(wantedRepo))) {
                        found = e;
                        foundIn = r;
                    } else if (sameVersion == null) {
                        sameVersion = e;
                        sameVersionIn = r;
                    }
                }
            }
            if (found != null) {
                chosen.get(foundIn).add(found);
            } else if (sameVersion != null) {
                throw new LockMismatchException(p, sameVersion.fileSha256(), sameVersionIn.url());
            } else {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new LockUnavailableException(missing);
        }
        List<LoadedRepository> out = new ArrayList<>();
        chosen.forEach((r, entries) -> {
            RepoIndex i = r.index();
            out.add(new LoadedRepository(r.entry(), new RepoIndex(i.formatVersion(), i.repository(), i.serial(),
                    i.generated(), i.expires(), entries)));
        });
        return out;
    }
}
