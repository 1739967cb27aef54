package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.RunningIsn;

/** One writer at a time: a second one waits --wait seconds then fails naming the holder; readers never block. */
class ConcurrencyE2ETest {

    @TempDir
    Path tmp;

    @Test
    void secondWriterFailsWithLockedNamingTheHolderWhileReadersGoOn() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = tmp.resolve("root");
        isn().run("--root", root.toString(), "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(),
                "install", "musl").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        long me = ProcessHandle.current().pid();
        try (FileChannel ch = FileChannel.open(root.resolve("var/lib/isn/lock"), StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.US_ASCII)));
            IsnResult r = isn().run("--root", root.toString(), "--wait", "2", "install", "vim").assertExit(6);
            assertTrue(r.stderr().contains("(pid " + me + ")"), r.stderr());
            assertTrue(r.stderr().contains("--wait"), r.stderr());
            assertTrue(r.elapsed().compareTo(Duration.ofSeconds(2)) >= 0, "waited " + r.elapsed());
            IsnResult list = isn().run("--root", root.toString(), "list").assertSuccess();
            assertEquals("musl-1.2.5-r0 [world]\n", list.stdout());
        }
    }

    @Test
    void twoWritersStartedTogetherBothSucceedOneAfterTheOther() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = tmp.resolve("root");
        isn().run("--root", root.toString(), "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(),
                "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        RunningIsn a = isn().start("--root", root.toString(), "--wait", "120", "install", "vim");
        RunningIsn b = isn().start("--root", root.toString(), "--wait", "120", "install", "docs");
        a.await().assertSuccess();
        b.await().assertSuccess();
        String list = isn().run("--root", root.toString(), "list").assertSuccess().stdout();
        assertTrue(list.contains("vim-9.0.2127-r0 [world]\n"), list);
        assertTrue(list.contains("docs-0.2-r6 [world]\n"), list);
        assertEquals(java.util.List.of(), RootTree.leftovers(root));
    }
}
