package dev.kimigayo.isn.e2e.plan;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/**
 * {@code isn history [N]} and {@code isn undo [N]} on a root changed three times from the signed
 * sample repository served by nginx: add busybox (busybox and musl, 2 changes), add vim (vim,
 * vim-common, xxd, ncurses-libs, ncurses-terminfo-base: 5, musl is there already), remove busybox
 * (1). Undo is checked on the files: the root after {@code undo N} is, file for file, the root
 * after transaction N-1.
 */
class HistoryUndoE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private SignedRepo repo;
    private String url;

    private IsnResult at(Path root, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--keys-dir", repo.trusted.toString(), "-X", url));
        all.addAll(List.of(args));
        return isn().runAt(root, all.toArray(String[]::new));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void historyListsTheTransactionsAndUndoReturnsToThePackagesBeforeThem() throws Exception {
        repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            url = nginx.baseUri().toString();
            Path root = tmp.resolve("root");
            at(root, "--initdb", "add", "--no-scripts", "busybox").assertSuccess();
            Map<String, String> afterOne = RootTree.of(root);
            at(root, "add", "--no-scripts", "vim").assertSuccess();
            Map<String, String> afterTwo = RootTree.of(root);
            at(root, "remove", "--no-scripts", "busybox").assertSuccess();
            assertFalse(Files.exists(root.resolve("bin/busybox")));

            List<String> text = at(root, "history").assertSuccess().stdout().lines().toList();
            assertEquals(3, text.size(), text::toString);
            assertTrue(text.get(0).matches("3  \\S+Z  done  remove busybox  \\(1 change\\)"), text::toString);
            assertTrue(text.get(1).matches("2  \\S+Z  done  add vim  \\(5 changes\\)"), text::toString);
            assertTrue(text.get(2).matches("1  \\S+Z  done  add busybox  \\(2 changes\\)"), text::toString);

            JsonNode list = JSON.readTree(at(root, "history", "--json").assertSuccess().stdout());
            JsonNode txns = list.get("transactions");
            assertEquals(List.of("3", "2", "1"), texts(txns, "id"));
            assertEquals(List.of("1", "5", "2"), texts(txns, "changes_count"));
            assertEquals(List.of("remove busybox", "add vim", "add busybox"), texts(txns, "request"));
            // The command as isn names it: canonical name and operands, not the options typed (docs/json.md).
            assertEquals(List.of("isn remove busybox", "isn install vim", "isn install busybox"),
                    texts(txns, "command"));
            assertEquals(List.of("done", "done", "done"), texts(txns, "state"));
            txns.forEach(t -> assertFalse(t.get("committed_at").isNull(), t::toString));
            JsonNode limited = JSON.readTree(at(root, "history", "--json", "--limit", "1").stdout());
            assertEquals(List.of("3"), texts(limited.get("transactions"), "id"));

            JsonNode two = JSON.readTree(at(root, "history", "--json", "2").assertSuccess().stdout()).get("transaction");
            assertEquals(2, two.get("id").asInt());
            assertEquals(List.of("busybox"), JSON.convertValue(two.get("world_before"), List.class));
            assertEquals(List.of("busybox", "vim"), JSON.convertValue(two.get("world_after"), List.class));
            assertEquals(new TreeSet<>(List.of("ncurses-libs", "ncurses-terminfo-base", "vim", "vim-common", "xxd")),
                    new TreeSet<>(texts(two.get("changes"), "name")));
            for (JsonNode c : two.get("changes")) {
                assertEquals("install", c.get("action").asText(), c::toString);
                assertTrue(c.get("old_version").isNull(), c::toString);
            }
            IsnResult twoText = at(root, "history", "2").assertSuccess();
            assertTrue(twoText.stdout().contains("  world before: busybox\n  world after:  busybox vim\n"),
                    twoText::describe);
            assertTrue(twoText.stdout().contains("Installing vim (9.0.2127-r0)"), twoText::describe);

            // undo (the last: remove busybox) is a new transaction that brings busybox back.
            IsnResult undo = at(root, "undo", "--no-scripts").assertSuccess();
            assertTrue(undo.stderr().contains("Installing busybox (1.36.1-r2)"), undo::describe);
            assertEquals(afterTwo, RootTree.of(root), "the files and world of the root after transaction 2");
            Path sampleBusybox = IsnProcess.projectRoot().resolve("packaging/sample-repo/busybox/bin/busybox");
            assertEquals(Files.readString(sampleBusybox), Files.readString(root.resolve("bin/busybox")));

            // undo 2 takes vim and the dependencies it brought away, and returns to busybox alone.
            JsonNode undoTwo = JSON.readTree(at(root, "undo", "--no-scripts", "--json", "2").assertSuccess().stdout());
            assertEquals(new TreeSet<>(List.of("ncurses-libs", "ncurses-terminfo-base", "vim", "vim-common", "xxd")),
                    new TreeSet<>(texts(undoTwo.get("changes"), "name")));
            assertEquals(afterOne, RootTree.of(root), "the files and world of the root after transaction 1");
            assertFalse(Files.exists(root.resolve("usr/bin/vim")));

            JsonNode after = JSON.readTree(at(root, "history", "--json").stdout()).get("transactions");
            assertEquals(List.of("5", "4", "3", "2", "1"), texts(after, "id"));
            assertEquals(List.of("undo 2", "undo 3"), texts(after, "request").subList(0, 2));
            assertEquals(List.of("5", "1"), texts(after, "changes_count").subList(0, 2));

            // A transaction that does not exist, and one recorded without its plan (as isn before
            // database version 4 did): refused, nothing changed.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("var/lib/isn/isn.db"));
                    Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("DELETE FROM transaction_plans WHERE txn_id = 1"));
            }
            Map<String, String> before = RootTree.withState(root);
            refused(root, "99", "no-such-transaction", "99");
            refused(root, "1", "undo-refused", "1");
            assertEquals(before, RootTree.withState(root), "refused undos change nothing, database included");
            at(root, "history", "99").assertExit(1);
            JsonNode one = JSON.readTree(at(root, "history", "--json", "1").assertSuccess().stdout()).get("transaction");
            assertTrue(one.get("request").isNull(), one::toString);
            assertEquals(2, one.get("changes").size(), "the changes are still listed");
        }
    }

    private void refused(Path root, String id, String code, String named) throws Exception {
        IsnResult r = at(root, "undo", "--no-scripts", "--json", id).assertExit(1);
        JsonNode err = JSON.readTree(r.stdout()).get("error");
        assertEquals(code, err.get("code").asText(), r::describe);
        assertTrue(err.get("message").asText().contains(named), r::describe);
        IsnResult text = at(root, "undo", "--no-scripts", id).assertExit(1);
        assertTrue(text.stderr().lines().anyMatch(l -> l.startsWith("isn: error: ")), text::describe);
    }

    @Test
    void undoSaysWhatItCannotRestoreWhenTheOldVersionIsGone() throws Exception {
        repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            url = nginx.baseUri().toString();
            Path root = tmp.resolve("root");
            at(root, "--initdb", "add", "--no-scripts", "vim").assertSuccess();
            repo.pack(SignedRepo.source(tmp.resolve("xxd-9.1"), "name = xxd\nversion = 9.1.0-r0\n"
                    + "architecture = x86_64\ndescription = xxd\nlicense = MIT\ndepends = so:libc.musl-x86_64.so.1\n",
                    "usr/bin/xxd", "xxd 9.1\n"));
            Reindex.of(repo);
            at(root, "update").assertSuccess();
            IsnResult up = at(root, "upgrade", "--no-scripts").assertSuccess();
            assertTrue(up.stderr().contains("Upgrading xxd (9.0.2127-r0 -> 9.1.0-r0)"), up::describe);
            assertEquals("xxd 9.1\n", Files.readString(root.resolve("usr/bin/xxd")));
            Files.delete(repo.repo.resolve("xxd-9.0.2127-r0.isn"));
            Reindex.of(repo);
            at(root, "update").assertSuccess();
            Map<String, String> before = RootTree.of(root);

            IsnResult r = at(root, "undo", "--no-scripts", "--json").assertSuccess();
            JsonNode doc = JSON.readTree(r.stdout());
            assertEquals("cannot restore xxd 9.0.2127-r0: no configured repository offers that version any more",
                    doc.at("/not_restored/0").asText(), r::describe);
            assertEquals(0, doc.get("changes").size(), r::describe);
            assertTrue(r.stderr().contains("warning: cannot restore xxd 9.0.2127-r0"), r::describe);
            assertEquals(before, RootTree.of(root), "nothing it could restore: nothing changed");
            JsonNode txns = JSON.readTree(at(root, "history", "--json").stdout()).get("transactions");
            assertEquals(List.of("2", "1"), texts(txns, "id"), "nothing to do is no transaction");
            assertEquals("upgrade", txns.get(0).get("request").asText());
        }
    }
}
