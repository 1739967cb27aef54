package dev.kimigayo.isn.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteLockTest {

    @Test
    void secondWriterWaitsThenFailsNamingTheHolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("var/lib/isn/lock");
        long me = ProcessHandle.current().pid();
        try (WriteLock held = WriteLock.acquire(file, Duration.ZERO)) {
            long start = System.nanoTime();
            LockedException e = assertThrows(LockedException.class,
                    () -> WriteLock.acquire(file, Duration.ofMillis(300)));
            assertTrue(System.nanoTime() - start >= 300_000_000L, "waited the full --wait");
            assertEquals(OptionalLong.of(me), e.holderPid());
            assertEquals("locked", e.code());
            assertTrue(e.getMessage().contains("(pid " + me + ")"), e.getMessage());
        }
        try (WriteLock again = WriteLock.acquire(file, Duration.ZERO)) {
            assertEquals(OptionalLong.of(me), WriteLock.readHolder(file));
        }
    }
}
