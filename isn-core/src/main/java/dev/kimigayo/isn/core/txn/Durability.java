package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether writes are flushed to stable storage before they are made visible. A process crash
 * never needs fsync (ordering and the journal keep the state consistent); surviving a power loss
 * does. See docs/transactions.md.
 */
public enum Durability {
    /** fsync staged files, the journal and the directories before and after the renames. */
    SYNC,
    /** Rely on the kernel's page cache: safe against process crashes, not against power loss. */
    NO_SYNC;

    /** Flushes a regular file's content to stable storage when this mode asks for it. */
    public void syncFile(Path file) throws IOException {
        if (this == SYNC) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    /** Flushes a directory's entries (names created, renamed, removed) when this mode asks for it. */
    public void syncDirectory(Path dir) throws IOException {
        if (this == SYNC) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }
}
