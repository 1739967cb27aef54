package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kimigayo.isn.core.fileplan.FileEntry;
import dev.kimigayo.isn.core.fileplan.FilePlan;
import dev.kimigayo.isn.core.fileplan.PackageFiles;
import dev.kimigayo.isn.core.fileplan.Records;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.db.ChangeAction;
import dev.kimigayo.isn.db.DatabaseChanges;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledFile;
import dev.kimigayo.isn.db.InstalledPackage;
import dev.kimigayo.isn.db.PackageChange;

/** Builds the database side of a transaction and commits it together with the journal's switch to committed. */
final class DatabaseCommit {

    private final Session session;
    private final EngineSettings settings;

    DatabaseCommit(Session session, EngineSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    void commit(String txn, List<TxnStep> steps, Map<String, PackageHeader> headers, FilePlan plan,
            List<String> world, Map<String, InstallReason> reasons, dev.kimigayo.isn.db.TransactionPlan record,
            Map<String, String> fileSha256) throws DatabaseException, IOException {
        Instant now = settings.clock().instant();
        DatabaseChanges.Builder b = DatabaseChanges.builder();
        Set<String> rewritten = new HashSet<>();
        for (TxnStep s : steps) {
            String name = s.change().name();
            rewritten.add(name);
            PackageHeader h = headers.get(name);
            if (s.isRemoval()) {
                b.remove(name);
            } else if (h != null) {
                PackageFiles pf = h.packageFiles();
                List<InstalledFile> files = new ArrayList<>();
                for (FileEntry f : plan.owned().getOrDefault(name, List.of())) {
                    files.add(Records.toDb(f, pf.isConfig(f.path())));
                }
                b.install(Records.toDb(h.info(), s.reason(), s.repository(), s.tag(), now)
                        .withFileSha256(fileSha256.get(name)), files);
            } else if (s.hasOld()) {
                b.install(s.old().withRepository(s.old().repository(), s.tag()).withReason(s.reason()),
                        session.db().filesOf(name));
            } else {
                var p = s.incoming();
                b.install(InstalledPackage.of(name, p.version(), p.arch() == null ? "noarch" : p.arch(), s.reason(), now)
                        .withDepends(Records.strings(p.depends())).withProvides(Records.strings(p.provides()))
                        .withDescription("virtual package"), List.of());
            }
            b.change(new PackageChange(ChangeAction.valueOf(s.change().action().name()), name,
                    s.change().oldVersion(), s.change().newVersion()));
        }
        for (Map.Entry<String, Set<String>> d : plan.disowned().entrySet()) {
            if (rewritten.contains(d.getKey())) {
                continue;
            }
            InstalledPackage owner = session.db().installed(d.getKey()).orElseThrow();
            List<InstalledFile> kept = session.db().filesOf(d.getKey()).stream()
                    .filter(f -> !d.getValue().contains(f.path())).toList();
            b.install(owner, kept);
        }
        reasons.forEach((name, reason) -> {
            if (!rewritten.contains(name)) {
                b.reason(name, reason);
            }
        });
        b.world(world);
        b.plan(record);
        session.journal().commit(txn, b.build());
    }
}
