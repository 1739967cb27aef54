package dev.kimigayo.isn.e2e.query;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/**
 * {@code why}, {@code info -r}, {@code mark} and {@code list -O} on a root installed from the
 * signed sample repository served by nginx: the answers follow the sample packages' PKGINFO
 * (vim needs xxd and so:libc.musl…, which musl provides; vim-doc comes by install_if).
 */
class WhyAndMarkE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private Path root(SignedRepo repo, String url, String... packages) throws Exception {
        Path root = tmp.resolve("root-" + String.join("-", packages));
        List<String> args = new ArrayList<>(List.of("--initdb", "--keys-dir", repo.trusted.toString(), "-X", url,
                "add", "--no-scripts"));
        args.addAll(List.of(packages));
        isn().runAt(root, args.toArray(String[]::new)).assertSuccess();
        SignedRepo.remember(root, url);
        return root;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(field == null ? n.asText() : n.get(field).asText()));
        return names;
    }

    @Test
    void whyNamesTheWorldEntryOrThePathsFromIt() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            Path root = root(repo, nginx.baseUri().toString(), "vim", "docs", "busybox");

            IsnResult musl = at(root, "why", "musl").assertSuccess();
            assertEquals(List.of("musl-1.2.5-r0 is a dependency",
                    "  world needs busybox; busybox-1.36.1-r2 needs so:libc.musl-x86_64.so.1 (musl-1.2.5-r0)",
                    "  world needs vim; vim-9.0.2127-r0 needs so:libc.musl-x86_64.so.1 (musl-1.2.5-r0)"),
                    musl.stdout().lines().toList(), musl::describe);

            IsnResult terminfo = at(root, "why", "ncurses-terminfo-base").assertSuccess();
            assertEquals(List.of("ncurses-terminfo-base-6.4_p20231125-r0 is a dependency",
                    "  world needs vim; vim-9.0.2127-r0 needs so:libncursesw.so.6 (ncurses-libs-6.4_p20231125-r0);"
                            + " ncurses-libs-6.4_p20231125-r0 needs ncurses-terminfo-base"),
                    terminfo.stdout().lines().toList(), terminfo::describe);

            JsonNode doc = JSON.readTree(at(root, "why", "--json", "vim-doc").assertSuccess().stdout());
            assertEquals("9.0.2127-r0", doc.at("/package/version").asText());
            assertFalse(doc.get("explicit").asBoolean());
            assertEquals(List.of("docs", "vim"), names(doc.get("paths"), "world_entry"));
            JsonNode edge = doc.at("/paths/1/edges/0");
            assertEquals("install_if", edge.get("kind").asText(), doc::toString);
            assertEquals("vim", edge.at("/from/name").asText());
            assertEquals("vim=9.0.2127-r0", edge.get("needs").asText());

            IsnResult vim = at(root, "why", "vim").assertSuccess();
            assertEquals("vim-9.0.2127-r0 is in the world (vim)", vim.stdout().lines().findFirst().orElse(""));

            // nvi is in the repository, not in the root.
            IsnResult nvi = at(root, "why", "nvi").assertExit(1);
            assertTrue(nvi.stderr().contains("package nvi is not installed"), nvi::describe);
            assertEquals("", nvi.stdout());
            JsonNode err = JSON.readTree(at(root, "why", "--json", "nvi").assertExit(1).stdout());
            assertEquals("not-installed", err.at("/error/code").asText(), err::toString);
        }
    }

    @Test
    void infoRListsDependentsByNameAndByProvide() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = root(repo, repo.url(), "vim", "busybox");
        IsnResult byProvide = at(root, "info", "-r", "musl").assertSuccess();
        assertEquals(List.of("musl-1.2.5-r0 is required by:",
                "  busybox-1.36.1-r2 (so:libc.musl-x86_64.so.1)",
                "  ncurses-libs-6.4_p20231125-r0 (so:libc.musl-x86_64.so.1)",
                "  vim-9.0.2127-r0 (so:libc.musl-x86_64.so.1)",
                "  xxd-9.0.2127-r0 (so:libc.musl-x86_64.so.1)"), byProvide.stdout().lines().toList(), byProvide::describe);
        JsonNode byName = JSON.readTree(at(root, "info", "--rdepends", "--json", "vim-common").assertSuccess().stdout());
        assertEquals(List.of("vim"), names(byName.get("required_by"), "name"), byName::toString);
        assertEquals("vim-common=9.0.2127-r0", byName.at("/required_by/0/needs").asText());
        IsnResult none = at(root, "info", "-r", "vim").assertSuccess();
        assertEquals("vim-9.0.2127-r0 is required by no installed package", none.stdout().strip());
    }

    @Test
    void markAutoMakesAPackageAnOrphanThatRemovingItsDependentTakesAway() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path marked = root(repo, repo.url(), "vim", "musl");
        Path control = root(repo, repo.url(), "vim", "musl", "docs");

        IsnResult mark = at(marked, "mark", "--auto", "musl").assertSuccess();
        assertTrue(mark.stderr().contains("musl: marked as a dependency (auto)"), mark::describe);
        assertEquals("vim\n", Files.readString(marked.resolve("etc/isn/world")));
        JsonNode list = JSON.readTree(at(marked, "list", "--json").assertSuccess().stdout());
        for (JsonNode p : list.get("packages")) {
            assertEquals(p.get("name").asText().equals("vim") ? "explicit" : "dependency", p.get("reason").asText(),
                    p::toString);
        }
        JsonNode again = JSON.readTree(at(marked, "mark", "--json", "--auto", "musl").assertSuccess().stdout());
        assertEquals(List.of("musl"), names(again.get("unchanged"), null));

        at(marked, "remove", "--no-scripts", "vim").assertSuccess();
        at(control, "remove", "--no-scripts", "vim").assertSuccess();
        assertEquals("", at(marked, "list").stdout(), "musl went with vim: it was only a dependency");
        assertTrue(at(control, "list").stdout().contains("musl-1.2.5-r0 [world]"), "unmarked, musl stays");
        assertFalse(Files.exists(marked.resolve("lib/ld-musl-x86_64.so.1")), "musl's files are gone");
        assertTrue(Files.exists(control.resolve("lib/ld-musl-x86_64.so.1")));
    }

    @Test
    void listOrphansFollowsMarksAndInstallIf() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = root(repo, repo.url(), "vim", "docs");
        // vim-doc is a dependency that only install_if brings: not an orphan.
        assertEquals("", at(root, "list", "-O").assertSuccess().stdout());
        at(root, "mark", "--auto", "docs").assertSuccess();
        // docs leaves the world; so does vim-doc's reason to be (install_if needs docs and vim).
        assertEquals(List.of("docs-0.2-r6", "vim-doc-9.0.2127-r0"), at(root, "list", "-O").stdout().lines().toList());
        assertTrue(at(root, "why", "docs").stdout().contains("an orphan"));
        IsnResult whyDoc = at(root, "why", "vim-doc").assertSuccess();
        assertEquals(List.of("vim-doc-9.0.2127-r0 is not needed by anything in the world: an orphan, which the next"
                + " change removes (or 'isn mark --manual vim-doc' keeps)"), whyDoc.stdout().lines().toList());
        at(root, "mark", "--manual", "docs", "xxd").assertSuccess();
        assertEquals("docs\nvim\nxxd\n", Files.readString(root.resolve("etc/isn/world")));
        assertEquals("", at(root, "list", "-O").stdout());
        assertTrue(at(root, "list").stdout().contains("xxd-9.0.2127-r0 [world]"));
    }

    @Test
    void markRefusesUnknownPackagesAndWaitsForTheLockChangingNothing() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = root(repo, repo.url(), "vim", "musl");
        String before = at(root, "list", "--json").assertSuccess().stdout();
        IsnResult unknown = at(root, "mark", "--auto", "musl", "nvi").assertExit(1);
        assertTrue(unknown.stderr().contains("package nvi is not installed"), unknown::describe);
        at(root, "mark", "musl").assertExit(2);
        at(root, "mark", "--auto", "--manual", "musl").assertExit(2);
        try (FileChannel ch = FileChannel.open(root.resolve("var/lib/isn/lock"), StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            at(root, "mark", "--auto", "musl").assertExit(6);
        }
        assertEquals("musl\nvim\n", Files.readString(root.resolve("etc/isn/world")));
        String after = at(root, "list", "--json").assertSuccess().stdout();
        assertEquals(before, after, "names and reasons unchanged");
        for (JsonNode p : JSON.readTree(after).get("packages")) {
            if (p.get("name").asText().equals("musl")) {
                assertEquals("explicit", p.get("reason").asText(), after);
            }
        }
    }
}
