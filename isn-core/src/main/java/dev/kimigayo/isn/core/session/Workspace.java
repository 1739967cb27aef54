package dev.kimigayo.isn.core.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;

import dev.kimigayo.isn.core.IsnException;

/**
 * Where indexes and packages go for one run: the cache, or a scratch folder deleted afterwards.
 * A dry run reads the cache but downloads only into a scratch folder outside the root, so it
 * leaves the root exactly as it found it.
 *
 * @param indexes         the index cache read (and, unless a dry run, written)
 * @param packages        where package files are downloaded
 * @param scratch         a folder deleted at close, or null
 * @param scratchIndexes  where a dry run downloads indexes it has no cached copy of, or null
 */
public record Workspace(Path indexes, Path packages, Path scratch, Path scratchIndexes) implements AutoCloseable {

    /** The workspace of a committing run. */
    public static Workspace of(EngineSettings s) {
        if (!s.noCache()) {
            return new Workspace(s.layout().cacheDir().resolve("indexes"), s.layout().cacheDir().resolve("packages"),
                    null, null);
        }
        Path scratch = s.layout().stateDir().resolve("tmp").resolve("run-" + ProcessHandle.current().pid());
        return new Workspace(scratch.resolve("indexes"), scratch.resolve("packages"), scratch, null);
    }

    /** The workspace of a dry run: the cache is only read; anything fetched goes to the system's temporary folder. */
    public static Workspace dryRun(EngineSettings s) throws IsnException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("isn-dry-run-");
        } catch (IOException e) {
            throw new FilesystemException("cannot create a temporary folder for the dry run", e);
        }
        return new Workspace(s.layout().cacheDir().resolve("indexes"), scratch.resolve("packages"), scratch,
                scratch.resolve("indexes"));
    }

    @Override
    public void close() throws IsnException {
        if (scratch == null) {
            return;
        }
        try (var walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // Nothing was downloaded.
        } catch (IOException e) {
            throw new FilesystemException("cannot delete the scratch folder " + scratch, e);
        }
    }
}
