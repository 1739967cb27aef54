package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code isn history} lists every committed transaction with its request and worlds;
 * {@code isn undo} returns to the package set before one as a new transaction, and says what it
 * cannot restore.
 */
class HistoryUndoTest {

    @TempDir
    Path dir;

    @Test
    void historyRecordsEachTransactionAndUndoReturnsToTheSetBeforeIt() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        assertEquals(0, s.isn("add", "vim"), s.cli.err);
        assertTrue(Files.exists(s.root.resolve("usr/bin/vim")));

        assertEquals(0, s.bare("history", "--json"), s.cli.err);
        JsonNode list = JsonReport.mapper().readTree(s.cli.out).get("transactions");
        assertEquals(2, list.size(), s.cli.out);
        assertEquals("add vim", list.get(0).get("request").asText());
        assertEquals("add busybox", list.get(1).get("request").asText());
        long vimTxn = list.get(0).get("id").asLong();

        assertEquals(0, s.bare("history", "--json", Long.toString(vimTxn)), s.cli.err);
        JsonNode one = JsonReport.mapper().readTree(s.cli.out).get("transaction");
        assertEquals("busybox", one.get("world_before").get(0).asText());
        assertEquals(2, one.get("world_after").size(), s.cli.out);
        assertTrue(one.get("changes").size() > 1, s.cli.out);

        assertEquals(0, s.isn("undo", "--dry-run"), s.cli.err);
        assertTrue(Files.exists(s.root.resolve("usr/bin/vim")), "a dry run changes nothing");
        assertEquals(0, s.isn("undo", "--json"), s.cli.err);
        JsonNode undo = JsonReport.mapper().readTree(s.cli.out);
        assertTrue(undo.get("changes").size() > 1, s.cli.out);
        assertTrue(undo.get("not_restored").toString().contains("configuration files"), s.cli.out);
        assertFalse(Files.exists(s.root.resolve("usr/bin/vim")));
        assertTrue(Files.exists(s.root.resolve("bin/busybox")));
        assertEquals("busybox\n", Files.readString(s.root.resolve("etc/isn/world")));

        assertEquals(0, s.bare("history"), s.cli.err);
        assertTrue(s.cli.out.lines().findFirst().orElseThrow().contains("undo " + vimTxn), s.cli.out);
        assertEquals(ExitCodes.FAILED, s.bare("undo", "999"));
        assertTrue(s.cli.err.contains("there is no transaction 999"), s.cli.err);
    }

    @Test
    void undoingAnUpgradeRestoresTheOldVersionOrSaysItCannot() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        Path newer = dir.resolve("newer");
        s.pack(s.sampleSource("busybox", "1.36.1-r2", "1.37.0-r0", dir.resolve("src/busybox")), newer);
        s.index(newer);
        Files.writeString(s.root.resolve("etc/isn/repositories"), s.repo.toUri() + "\n" + newer.toUri() + "\n");
        assertEquals(0, s.bare("upgrade"), s.cli.err);
        assertEquals(0, s.bare("info", "--json", "busybox"), s.cli.err);
        assertEquals("1.37.0-r0", JsonReport.mapper().readTree(s.cli.out).get("installed").get("version").asText());

        assertEquals(0, s.bare("undo", "--json"), s.cli.err);
        JsonNode step = JsonReport.mapper().readTree(s.cli.out).get("changes").get(0);
        assertEquals("downgrade", step.get("action").asText(), s.cli.out);
        assertEquals(0, s.bare("info", "--json", "busybox"), s.cli.err);
        assertEquals("1.36.1-r2", JsonReport.mapper().readTree(s.cli.out).get("installed").get("version").asText());

        // Undo the undo (back to 1.37.0) after the newer repository is gone: 1.37.0 cannot be restored.
        assertEquals(0, s.bare("history", "--json"), s.cli.err);
        long undoTxn = JsonReport.mapper().readTree(s.cli.out).get("transactions").get(0).get("id").asLong();
        Files.writeString(s.root.resolve("etc/isn/repositories"), s.repo.toUri() + "\n");
        assertEquals(0, s.bare("undo", "--json", Long.toString(undoTxn)), s.cli.err);
        JsonNode doc = JsonReport.mapper().readTree(s.cli.out);
        assertTrue(doc.get("not_restored").get(0).asText().startsWith("cannot restore busybox 1.37.0-r0: no"
                + " configured repository offers that version"), s.cli.out);
        assertTrue(s.cli.err.contains("cannot restore busybox 1.37.0-r0"), s.cli.err);
    }
}
