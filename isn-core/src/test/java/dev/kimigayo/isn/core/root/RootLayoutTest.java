package dev.kimigayo.isn.core.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootLayoutTest {

    @Test
    void initializeCreatesTheDesignLayout(@TempDir Path dir) throws Exception {
        RootLayout root = new RootLayout(dir.resolve("rootfs"));
        assertFalse(root.isInitialized());
        root.initialize();
        assertTrue(root.isInitialized());
        for (String d : new String[] {"etc/isn", "etc/isn/keys", "var/lib/isn", "var/cache/isn"}) {
            assertTrue(Files.isDirectory(dir.resolve("rootfs").resolve(d)), d);
        }
        assertEquals(dir.resolve("rootfs/var/lib/isn/isn.db"), root.databaseFile());
        assertEquals("usr/bin/vim", root.relativize(root.resolve("usr/bin/vim")));
        assertFalse(root.isHostRoot());
        assertTrue(new RootLayout(Path.of("/")).isHostRoot());
    }
}
