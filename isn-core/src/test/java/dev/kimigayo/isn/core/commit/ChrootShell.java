package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;


/** Puts the host's dynamically linked dash (and the two libraries it needs) into a test root as /bin/sh. */
final class ChrootShell {

    private static final String[] FILES = {"bin/dash", "lib/x86_64-linux-gnu/libc.so.6", "lib64/ld-linux-x86-64.so.2"};

    private ChrootShell() {
    }

    /** Installs the shell, or skips the test when this machine cannot (not root, other libc layout); fails under CI. */
    static void install(Path root) throws IOException {
        dev.kimigayo.isn.core.Needs.present("root".equals(System.getProperty("user.name")), "chroot needs root");
        for (String f : FILES) {
            dev.kimigayo.isn.core.Needs.present(Files.exists(Path.of("/" + f)), "no /" + f + " on this machine");
        }
        for (String f : FILES) {
            Path target = root.resolve(f.equals("bin/dash") ? "bin/sh" : f);
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("/" + f), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
