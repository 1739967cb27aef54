package dev.kimigayo.isn.core.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.WorldFile;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.DbJournal;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.db.DatabaseChanges;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * {@code isn mark --auto|--manual}: whether an installed package is wanted for itself (in the
 * world, explicit) or only as a dependency (out of the world: removed once nothing needs it, as
 * every install reason is derived from the world). The database's reasons and world change in one
 * journalled SQLite transaction under the write lock; {@code etc/isn/world} follows, and the
 * next writer's recovery rewrites it should the process die in between.
 */
public final class Marks {

    private Marks() {
    }

    /** The two marks. */
    public enum Mark {
        /** Installed as a dependency: out of the world. */
        AUTO,
        /** Wanted for itself: in the world. */
        MANUAL
    }

    /** What a mark did: the packages whose mark changed, those already so marked, and the world after. */
    public record Result(List<String> changed, List<String> unchanged, List<String> world) {

        /** Freezes the lists. */
        public Result {
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
            world = List.copyOf(world);
        }
    }

    /** Marks the installed packages {@code names}; nothing changes when one of them is not installed. */
    public static Result mark(EngineSettings settings, List<String> names, Mark mark) throws IsnException {
        try (Session session = Session.openWriter(settings)) {
            Map<String, InstalledPackage> rows = new java.util.HashMap<>();
            for (InstalledPackage p : session.db().installedPackages()) {
                rows.put(p.name(), p);
            }
            for (String n : names) {
                if (!rows.containsKey(n)) {
                    throw new PackageNotInstalledException(n);
                }
            }
            List<String> world = new ArrayList<>(session.db().world());
            InstallReason wanted = mark == Mark.AUTO ? InstallReason.DEPENDENCY : InstallReason.EXPLICIT;
            DatabaseChanges.Builder changes = DatabaseChanges.builder();
            List<String> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            boolean worldChanged = false;
            for (String n : names) {
                boolean inWorld = false;
                for (String w : List.copyOf(world)) {
                    Constraint c = Constraint.parse(w);
                    if (!c.conflict() && c.name().equals(n)) {
                        inWorld = true;
                        if (mark == Mark.AUTO) {
                            // Pins (name@tag, name<2) go with the entry: a dependency is whatever its dependents need.
                            world.remove(w);
                            worldChanged = true;
                        }
                    }
                }
                if (mark == Mark.MANUAL && !inWorld) {
                    world.add(n);
                    worldChanged = true;
                }
                boolean worldEdit = mark == Mark.AUTO ? inWorld : !inWorld;
                boolean differs = rows.get(n).reason() != wanted || worldEdit;
                (differs ? changed : unchanged).add(n);
                changes.reason(n, wanted);
            }
            if (changed.isEmpty()) {
                return new Result(changed, unchanged, world);
            }
            if (worldChanged) {
                changes.world(world);
            }
            commit(session, settings, changes.build(), world);
            return new Result(changed, unchanged, world);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the installed packages", e);
        }
    }

    private static void commit(Session session, EngineSettings settings, DatabaseChanges changes, List<String> world)
            throws IsnException {
        DbJournal journal = new DbJournal(session.db(), settings.clock(), settings.user());
        String txn = "mark";
        try {
            // A transaction with no file step: it lands in the history, and recovery rewrites
            // etc/isn/world from the database should the process die before the file is written.
            journal.begin(txn, settings.commandLine(), List.of());
            journal.commit(txn, changes);
            WorldFile.write(settings.layout().worldFile(), world, settings.durability());
            journal.markDone(txn);
        } catch (IOException e) {
            throw new FilesystemException("cannot record the new marks", e);
        }
    }
}
