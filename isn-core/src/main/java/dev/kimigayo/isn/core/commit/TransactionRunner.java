package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.config.WorldFile;
import dev.kimigayo.isn.core.fileplan.FilePlan;
import dev.kimigayo.isn.core.fileplan.FilePlanner;
import dev.kimigayo.isn.core.fileplan.OwnerLookup;
import dev.kimigayo.isn.core.fileplan.PackageFiles;
import dev.kimigayo.isn.core.fileplan.PathLimits;
import dev.kimigayo.isn.core.fileplan.Records;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.session.CancelledException;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineEvent.Phase;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Phases;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.txn.FsTransaction;
import dev.kimigayo.isn.core.txn.JournalEntry;
import dev.kimigayo.isn.core.txn.StepListener;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Executes package steps as one crash-safe transaction (docs/transactions.md): read and verify
 * every package's metadata, plan and check the file changes, journal, stage, {@code pre_*},
 * rename, commit the database, {@code post_*}, clean up.
 */
public final class TransactionRunner {

    private final Session session;
    private final EngineSettings settings;
    private final RootLayout layout;
    private final PackageReader reader;
    private final ScriptRunner scripts;
    private final Phases phases;

    /** A runner over an open writer session, verifying package files with {@code reader}. */
    public TransactionRunner(Session session, PackageReader reader) {
        this.session = session;
        this.settings = session.settings();
        this.layout = settings.layout();
        this.reader = reader;
        this.scripts = new ScriptRunner(layout, settings.listener(), settings.scripts());
        this.phases = new Phases(settings.listener());
    }

    /**
     * Runs {@code steps} (in order), leaving {@code world} as the new world; {@code purge} drops changed configs;
     * {@code fileSha256} gives the verified SHA-256 of each installed package's file, by name.
     */
    public CommitResult run(List<TxnStep> steps, List<String> world, Map<String, InstallReason> reasons, boolean purge,
            dev.kimigayo.isn.db.TransactionPlan record, Map<String, String> fileSha256) throws IsnException {
        // Always 16 digits: the staging names, checked against NAME_MAX at plan time, have a fixed length.
        String txn = String.format("%016x", ThreadLocalRandom.current().nextLong());
        Map<String, PackageHeader> headers = new LinkedHashMap<>();
        List<PackageFiles> incoming = new ArrayList<>();
        List<PackageFiles> outgoing = new ArrayList<>();
        ScriptFiles scriptFiles = new ScriptFiles(layout);
        try {
            phases.begin(Phase.VERIFY, steps.size());
            for (TxnStep s : steps) {
                if (s.file() != null) {
                    PackageHeader h = PackageHeader.read(reader, s.file(), s.file().getFileName().toString());
                    h.checkPlanned(s);
                    headers.put(s.change().name(), h);
                    incoming.add(h.packageFiles());
                }
                if (s.hasOld() && (s.file() != null || s.isRemoval())) {
                    outgoing.add(Records.packageFiles(s.old(), session.db().filesOf(s.old().name())));
                }
            }
            FilePlan plan = FilePlanner.plan(layout, txn, incoming, outgoing,
                    OwnerLookup.prefetch(session.db(), incoming, outgoing), purge);
            scriptFiles.plan(plan.changes(), steps, headers);
            PathLimits.checkNames(layout, plan);
            PathLimits.checkSpace(layout, plan, incoming);
            for (String note : plan.notes()) {
                settings.listener().on(new EngineEvent.Warning(note));
            }
            if (!FileAttributes.PRIVILEGED && plan.staging().values().stream().anyMatch(m -> !m.isEmpty())) {
                settings.listener().on(new EngineEvent.Warning(FileAttributes.UNPRIVILEGED_WARNING));
            }
            stopIfCancelled("before the transaction began; nothing was changed");
            DirectoryRepairs repairs = new DirectoryRepairs();
            FsTransaction t = begin(plan);
            try {
                stage(steps, headers, plan, scriptFiles, repairs);
                t.staged();
                phases.begin(Phase.PRE_SCRIPTS, scriptCount(steps, headers, scriptFiles, true));
                preScripts(steps, headers, scriptFiles);
                phases.begin(Phase.PLACE, renames(plan));
                // The last moment to stop: from the first rename on, the transaction is carried through.
                stopIfCancelled("before the commit point; the transaction was rolled back and nothing was changed");
                t.apply();
                repairs.apply();
                phases.begin(Phase.COMMIT, steps.size());
                new DatabaseCommit(session, settings).commit(txn, steps, headers, plan, world, reasons, record,
                        fileSha256);
            } catch (IsnException | IOException | DatabaseException | RuntimeException e) {
                repairs.restore();
                t.rollbackAfter(e);
                throw unchanged(e);
            }
            try {
                settings.steps().reached("committed");
                WorldFile.write(layout.worldFile(), world, settings.durability());
                phases.begin(Phase.POST_SCRIPTS, scriptCount(steps, headers, scriptFiles, false));
                List<CommitResult.FailedScript> failed = postScripts(txn, steps, headers, scriptFiles);
                t.cleanup();
                phases.done();
                return result(steps, failed, plan.notes());
            } catch (IOException | UncheckedIOException e) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                throw FilesystemException.withMessage("the change was committed, but finishing it failed"
                        + FailureText.where(io) + "; the next isn command completes it", io);
            }
        } catch (IOException e) {
            throw FilesystemException.withMessage("could not prepare the transaction" + FailureText.where(e)
                    + "; nothing was changed", e);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("the transaction failed", e);
        } finally {
            phases.close();
        }
    }

    /** Throws {@link CancelledException} when the caller cancelled; {@code when} finishes its message. */
    private void stopIfCancelled(String when) throws CancelledException {
        if (settings.listener().cancelled()) {
            throw new CancelledException("cancelled " + when, null);
        }
    }

    private FsTransaction begin(FilePlan plan) throws IsnException {
        try {
            return FsTransaction.begin(layout, session.journal(), settings.durability(),
                    placeProgress(plan), settings.commandLine(), plan.changes());
        } catch (IOException | UncheckedIOException e) {
            throw unchanged(e);
        }
    }

    /** A failure before the commit, after rollback: says where, why, that nothing changed, and what to do. */
    private static IsnException unchanged(Exception e) {
        if (e instanceof IsnException i) {
            return i;
        }
        IOException io = e instanceof UncheckedIOException u ? u.getCause()
                : e instanceof IOException x ? x : null;
        if (io == null && e instanceof DatabaseException d) {
            return new DatabaseFailureException("the transaction failed; nothing was changed", d);
        }
        if (io == null) {
            throw (RuntimeException) e;
        }
        String undone = io.getSuppressed().length == 0 ? "nothing was changed (the transaction was rolled back)"
                : "the transaction could not be rolled back completely; the next isn command finishes undoing it";
        return FilesystemException.withMessage("the transaction failed" + FailureText.where(io) + "; " + undone
                + FailureText.advice(io), io);
    }

    private void stage(List<TxnStep> steps, Map<String, PackageHeader> headers, FilePlan plan, ScriptFiles scriptFiles,
                       DirectoryRepairs repairs) throws IsnException, IOException {
        int i = 0;
        long total = plan.staging().values().stream().mapToLong(Map::size).sum();
        long[] done = {0};
        phases.begin(Phase.UNPACK, total);
        // Staging only writes new temporary names, in directories that exist or that this
        // transaction made; no script runs meanwhile: a directory found real stays real.
        RootGuard staging = RootGuard.caching(layout.root());
        byte[] buffer = new byte[128 * 1024];
        for (TxnStep s : steps) {
            stopIfCancelled("while unpacking; the transaction was rolled back and nothing was changed");
            phases.startChange(++i, steps.size(), s.change());
            PackageHeader h = headers.get(s.change().name());
            if (h != null) {
                String name = s.change().name();
                Stager stager = new Stager(staging, plan.staging().get(name), repairs, buffer);
                h.extract(reader, (entry, content) -> {
                    if (stager.accept(Records.fromManifest(entry), content)) {
                        settings.listener().on(new EngineEvent.InstallProgress(
                                EngineEvent.InstallPhase.UNPACK, name, ++done[0], total));
                    }
                });
                scriptFiles.stage(name, h.script());
            }
            phases.changeDone();
        }
    }

    /** The caller's step hook, also reporting each rename ({@code rename-N}) as PLACE progress. */
    private StepListener placeProgress(FilePlan plan) {
        long renames = renames(plan);
        return step -> {
            if (step.startsWith("rename-")) {
                settings.listener().on(new EngineEvent.InstallProgress(EngineEvent.InstallPhase.PLACE, null,
                        Long.parseLong(step.substring("rename-".length())), renames));
            }
            settings.steps().reached(step);
        };
    }

    /** The renames of the PLACE phase: every journalled path but the directories made and removed. */
    private static long renames(FilePlan plan) {
        return plan.changes().entries().stream().filter(e -> e.action() != JournalEntry.Action.MKDIR
                && e.action() != JournalEntry.Action.RMDIR).count();
    }

    /** How many {@code pre_*} (or {@code post_*}) scripts the steps run, the total of the script phases. */
    private static long scriptCount(List<TxnStep> steps, Map<String, PackageHeader> headers, ScriptFiles files,
            boolean pre) {
        return steps.stream().map(s -> pre ? ScriptCall.pre(s, headers.get(s.change().name()), files)
                : ScriptCall.post(s, headers.get(s.change().name()), files)).filter(c -> c != null).count();
    }

    private void preScripts(List<TxnStep> steps, Map<String, PackageHeader> headers, ScriptFiles scriptFiles)
            throws IsnException, IOException {
        for (TxnStep s : steps) {
            ScriptCall call = ScriptCall.pre(s, headers.get(s.change().name()), scriptFiles);
            if (call != null) {
                int status = scripts.run(s.change().name(), call.script(), call.function(), call.args());
                if (status != 0) {
                    throw new ScriptFailedException(s.change().name(), call.function(), status);
                }
            }
        }
    }

    private List<CommitResult.FailedScript> postScripts(String txn, List<TxnStep> steps,
            Map<String, PackageHeader> headers, ScriptFiles scriptFiles) throws IOException, DatabaseException {
        List<CommitResult.FailedScript> failed = new ArrayList<>();
        for (TxnStep s : steps) {
            ScriptCall call = ScriptCall.post(s, headers.get(s.change().name()), scriptFiles);
            if (call == null) {
                continue;
            }
            int status = scripts.run(s.change().name(), call.script(), call.function(), call.args());
            if (status != 0) {
                failed.add(new CommitResult.FailedScript(s.change().name(), call.function(), status));
                settings.listener().on(new EngineEvent.ScriptFailed(s.change().name(), call.function(), status));
                String version = s.change().newVersion() != null ? s.change().newVersion() : s.change().oldVersion();
                session.db().recordScriptFailure(new dev.kimigayo.isn.db.ScriptFailure(s.change().name(), version,
                        call.function(), session.journal().idOf(txn), status, null, settings.clock().instant(),
                        call.args()));
            }
        }
        return failed;
    }

    private CommitResult result(List<TxnStep> steps, List<CommitResult.FailedScript> failed, List<String> notes)
            throws DatabaseException {
        List<InstalledPackage> all = session.db().installedPackages();
        long bytes = all.stream().mapToLong(InstalledPackage::size).sum();
        return new CommitResult(steps.stream().map(TxnStep::change).toList(), failed, notes, all.size(), bytes);
    }
}
