package dev.kimigayo.isn.core.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The one-writer-at-a-time lock of a root: an OS lock ({@code fcntl}) on {@code var/lib/isn/lock}.
 * The kernel releases it when the holder dies, so a crash never leaves a stale lock (pacman's weak
 * spot); the file's content (the holder's pid) is only informative. Readers never take it.
 */
public final class WriteLock implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to {@code wait} for another holder to release it. */
    public static WriteLock acquire(Path lockFile, Duration wait) throws IOException, LockedException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    recordHolder(channel);
                    return new WriteLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    OptionalLong holder = readHolder(lockFile);
                    channel.close();
                    throw new LockedException(lockFile, holder, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new LockedException(lockFile, readHolder(lockFile), wait);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it (another thread or an unclosed handle): as good as locked.
            return null;
        }
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
    }

    /** The pid written by the current or last holder, if readable. */
    public static OptionalLong readHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
