package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A package written under a temporary name beside its final one by {@link PackageBuilder#stage}:
 * {@link #commit()} renames it into place, {@link #discard()} removes it.
 *
 * @param temp   the temporary file
 * @param result the package as it will be once committed
 */
public record StagedPackage(Path temp, PackResult result) {

    /** Renames the package to {@code NAME-VERSION.isn}, atomically replacing an existing file. */
    public PackResult commit() throws IOException {
        Files.move(temp, result.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }

    /** Removes the temporary file; the final name was never touched. */
    public void discard() throws IOException {
        Files.deleteIfExists(temp);
    }
}
