package dev.kimigayo.isn.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.txn.Durability;

class WorldFileTest {

    @Test
    void writesSortedUniqueOnePerLineAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path world = dir.resolve("etc/isn/world");
        WorldFile.write(world, List.of("vim", "busybox", "musl>=1.2", "vim"), Durability.SYNC);
        assertEquals("busybox\nmusl>=1.2\nvim\n", Files.readString(world));
        try (var files = Files.list(world.getParent())) {
            assertEquals(List.of(world), files.toList());
        }
    }

    @Test
    void readsApkStyleSingleLineAndComments(@TempDir Path dir) throws Exception {
        Path world = dir.resolve("world");
        Files.writeString(world, "# mine\nbusybox vim@edge\n\n.build-deps\n");
        assertEquals(List.of("busybox", "vim@edge", ".build-deps"), WorldFile.read(world));
        assertEquals(List.of(), WorldFile.read(dir.resolve("absent")));
    }
}
