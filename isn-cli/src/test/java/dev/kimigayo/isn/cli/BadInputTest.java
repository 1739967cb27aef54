package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a usage error naming the culprit; a missing keys folder is named as missing. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingLocalPackageIsUsageError() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        assertEquals(ExitCodes.USAGE, s.isn("add", "./missing.isn"));
        assertTrue(s.cli.err.contains("isn: error: cannot install ./missing.isn: no such package file "
                + Path.of("missing.isn").toAbsolutePath()), s.cli.err);
        assertEquals("busybox\n", Files.readString(s.root.resolve("etc/isn/world")));
    }

    @Test
    void negativeWaitIsRejected() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(ExitCodes.USAGE, s.isn("--wait", "-1", "add", "busybox"));
        assertTrue(s.cli.err.contains("--wait must be 0 (do not wait) or a positive number of seconds"), s.cli.err);
        assertTrue(Files.notExists(s.root.resolve("bin/busybox")));
        assertEquals(ExitCodes.USAGE, s.isn("list", "--wait", "-5"));
    }

    @Test
    void unknownKeyNamesTheKeysFolderAndWhetherItExists() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        Path none = dir.resolve("no-such-keys");
        assertEquals(ExitCodes.INTEGRITY, s.cli.run("--root", s.root.toString(), "--initdb", "--keys-dir",
                none.toString(), "-X", s.repo.toUri().toString(), "add", "busybox"));
        assertTrue(s.cli.err.contains("; the trusted keys folder " + none + " (which does not exist) holds no keys"),
                s.cli.err);

        Path other = Files.createDirectories(dir.resolve("other-keys"));
        dev.kimigayo.isn.crypto.KeyFiles.writePublic(other.resolve("o.pub"),
                dev.kimigayo.isn.crypto.Ed25519KeyPair.generate(new java.security.SecureRandom()).publicKey(), "o");
        assertEquals(ExitCodes.INTEGRITY, s.cli.run("--root", dir.resolve("root2").toString(), "--initdb",
                "--keys-dir", other.toString(), "-X", s.repo.toUri().toString(), "add", "busybox"));
        assertTrue(s.cli.err.contains("; no key in the trusted keys folder " + other + " has that id"), s.cli.err);
    }
}
