package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** {@code --arch}: an x86_64 host builds an aarch64 root; the root remembers it in etc/isn/arch. */
class ForeignArchE2ETest {

    @TempDir
    Path tmp;

    @Test
    void aForeignRootTakesItsArchitecturesPackagesAndRunsNoScripts() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        // The x86_64 build is newer: an aarch64 root must still take the aarch64 one.
        String[][] builds = {{"aarch64", "1.0-r0"}, {"x86_64", "1.0-r1"}};
        for (String[] b : builds) {
            String arch = b[0];
            repo.pack(SignedRepo.source(tmp.resolve("hello-" + arch), "name = hello\nversion = " + b[1] + "\n"
                    + "architecture = " + arch + "\ndescription = hello for " + arch + "\nlicense = MIT\n"
                    + "depends = docs\n", "usr/bin/hello", "built for " + arch + "\n"));
        }
        repo.index();
        Path root = tmp.resolve("root");
        IsnResult r = at(root, "--initdb", "--arch", "aarch64", "--keys-dir", repo.trusted.toString(), "-X", repo.url(),
                "install", "hello").assertSuccess();
        assertEquals("built for aarch64\n", Files.readString(root.resolve("usr/bin/hello")), r::describe);
        assertEquals("aarch64\n", Files.readString(root.resolve("etc/isn/arch")));
        assertTrue(r.stderr().contains("package scripts are not run: this root is for aarch64"), r::describe);
        assertEquals(1, r.stderr().split("package scripts are not run", -1).length - 1, "said once");
        assertTrue(at(root, "list").stdout().contains("docs-0.2-r6"), "noarch dependency installed");

        // Later commands read etc/isn/arch: an x86_64-only package is not taken into this root.
        IsnResult vim = at(root, "-X", repo.url(), "install", "vim").assertExit(3);
        assertTrue(vim.stderr().contains("aarch64"), vim::describe);
        assertFalse(Files.exists(root.resolve("usr/bin/vim")));
        at(root, "--arch", "sparc", "-X", repo.url(), "install", "hello").assertExit(2);
    }
}
