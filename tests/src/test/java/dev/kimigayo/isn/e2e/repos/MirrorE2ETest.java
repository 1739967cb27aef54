package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.Fault;
import dev.kimigayo.isn.e2e.harness.FaultServer;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/** Mirrors on one repositories line: a stopped nginx, a stalling server, a good nginx; and a resumed download. */
class MirrorE2ETest {

    private static final String VIM = "vim-9.0.2127-r0.isn";

    @TempDir
    Path tmp;

    @Test
    void failsOverFromAStoppedAndAStallingMirrorToAGoodOne() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        NginxServer stopped = NginxServer.start(repo.repo);
        String stoppedUrl = stopped.baseUri().toString();
        stopped.close();
        try (FaultServer stalling = FaultServer.start(repo.repo).faultEverywhere(new Fault.StallHeaders());
                NginxServer good = NginxServer.start(repo.repo)) {
            Path root = Repos.root(tmp.resolve("root"), repo, "# three mirrors of one repository",
                    stoppedUrl + " " + stalling.baseUri() + "   " + good.baseUri() + "  # the last one works");
            IsnResult r = at(root, "--timeout", "1", "install", "vim").assertSuccess();
            assertTrue(Files.exists(root.resolve("usr/bin/vim")), r::describe);
            assertTrue(stalling.hits("/index.json") >= 1, "the stalling mirror was tried");
            List<String> log = good.accessLogWhen(l -> l.stream().anyMatch(x -> x.contains(VIM)));
            assertTrue(log.stream().anyMatch(l -> l.contains("GET /" + VIM) && l.contains(" 200 ")), log::toString);
            // Failed mirrors go last for the rest of the run: the stall is paid once, not once per package.
            assertEquals(0, stalling.hits("/" + VIM), "packages come from the mirror that works");
            assertTrue(r.elapsed().compareTo(Duration.ofSeconds(20)) < 0, r::describe);
            assertEquals(List.of(), RootTree.leftovers(root));
            assertEquals(List.of(), Repos.partials(root));
        }
    }

    @Test
    void aDroppedDownloadResumesWithRangeAndIfRange() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        long size = Files.size(repo.repo.resolve(VIM));
        try (FaultServer server = FaultServer.start(repo.repo)) {
            server.fault("/" + VIM, new Fault.DropOnce(size / 2));
            Path root = Repos.root(tmp.resolve("root"), repo, server.baseUri().toString());
            IsnResult r = at(root, "install", "vim").assertSuccess();
            assertTrue(Files.exists(root.resolve("usr/bin/vim")), r::describe);
            assertEquals(2, server.hits("/" + VIM), r::describe);
            assertEquals(List.of("bytes=" + (size / 2) + "-"), server.ranges("/" + VIM), r::describe);
            assertEquals(List.of(), RootTree.leftovers(root));
            assertEquals(List.of(), Repos.partials(root));
        }
    }
}
