package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes package source directories for builder tests. */
final class SourceDirs {

    static final String PKGINFO = "name = demo\nversion = 1.2-r0\narchitecture = noarch\ndescription = a demo\n";

    private SourceDirs() {
    }

    static Path write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    static void touch(Path p, long seconds) throws IOException {
        Files.setLastModifiedTime(p, FileTime.fromMillis(seconds * 1000));
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
