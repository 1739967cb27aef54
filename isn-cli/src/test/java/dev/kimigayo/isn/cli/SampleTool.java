package dev.kimigayo.isn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the source folder of a one-file test package. */
final class SampleTool {

    private SampleTool() {
    }

    /** A package {@code name}-{@code version} with one file, usr/bin/NAME, and the given depends line (may be empty). */
    static Path write(Path dir, String name, String version, String depends) throws Exception {
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.writeString(dir.resolve("PKGINFO"), "name = " + name + "\nversion = " + version
                + "\narchitecture = noarch\ndescription = test tool\n"
                + (depends.isEmpty() ? "" : "depends = " + depends + "\n"));
        Files.writeString(dir.resolve("usr/bin/" + name), "#!/bin/sh\n");
        return dir;
    }
}
