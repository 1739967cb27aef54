package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removal of the private directories the harness creates. */
public final class TempDirs {

    private TempDirs() {
    }

    /** Closes {@code server} (may be null), then deletes {@code dir} even if closing failed: an extension's afterAll. */
    public static void closeThenDelete(AutoCloseable server, Path dir) throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Deletes {@code dir} and everything under it, without following symbolic links. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
