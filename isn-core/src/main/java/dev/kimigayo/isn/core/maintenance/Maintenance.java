package dev.kimigayo.isn.core.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.commit.ScriptFiles;
import dev.kimigayo.isn.core.commit.ScriptRunner;
import dev.kimigayo.isn.core.inspect.DamageScan;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.ScriptFailure;

/** What {@code isn fix} does besides reinstalling: rerun failed {@code post_*} scripts (damage: {@link DamageScan}). */
public final class Maintenance {

    private Maintenance() {
    }

    /** A rerun failed script, its arguments (those of its first run) and new exit status (0: fixed, forgotten). */
    public record Rerun(String pkg, String script, List<String> args, int exitCode) {
    }

    /** Reruns the recorded failed {@code post_*} scripts (of {@code names}, or all when empty). */
    public static List<Rerun> rerunFailedScripts(EngineSettings settings, Collection<String> names) throws IsnException {
        List<Rerun> done = new ArrayList<>();
        try (Session session = Session.openWriter(settings)) {
            ScriptRunner runner = new ScriptRunner(settings.layout(), settings.listener(), settings.scripts());
            for (ScriptFailure f : session.db().scriptFailures()) {
                if (!names.isEmpty() && !names.contains(f.packageName())) {
                    continue;
                }
                Path stored = settings.layout().resolve(ScriptFiles.path(f.packageName()));
                int status = 0;
                if (Files.exists(stored)) {
                    status = runner.run(f.packageName(), Files.readAllBytes(stored), f.script(), f.rerunArgs());
                } else {
                    settings.listener().on(new EngineEvent.Warning(f.packageName() + ": " + f.script()
                            + " can no longer run (the package and its script are gone); forgetting it"));
                }
                if (status == 0) {
                    session.db().clearScriptFailure(f.packageName(), f.script());
                } else {
                    settings.listener().on(new EngineEvent.ScriptFailed(f.packageName(), f.script(), status));
                }
                done.add(new Rerun(f.packageName(), f.script(), f.rerunArgs(), status));
            }
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the failed scripts", e);
        } catch (IOException e) {
            throw new FilesystemException("cannot rerun the failed scripts", e);
        }
        return done;
    }
}
