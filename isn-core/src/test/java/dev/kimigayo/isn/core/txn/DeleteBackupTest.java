package dev.kimigayo.isn.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-up's one-call delete of a backup, and its fall-backs. */
class DeleteBackupTest {

    @TempDir
    Path dir;

    @Test
    void deletesAFileAndIgnoresOneAlreadyGone() throws Exception {
        Path backup = Files.writeString(dir.resolve(".isn-old.1.vim"), "old vim");
        FsTransaction.deleteBackup(backup);
        assertFalse(Files.exists(backup, LinkOption.NOFOLLOW_LINKS));
        FsTransaction.deleteBackup(backup); // a crash after the delete: the next clean-up finds nothing
    }

    @Test
    void deletesASymlinkNotWhatItPointsAt() throws Exception {
        Path target = Files.writeString(dir.resolve("outside"), "keep me");
        Path backup = Files.createSymbolicLink(dir.resolve(".isn-old.1.link"), target);
        FsTransaction.deleteBackup(backup);
        assertFalse(Files.exists(backup, LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me", Files.readString(target));
        Path dirTarget = Files.createDirectories(dir.resolve("outside-dir"));
        Files.writeString(dirTarget.resolve("file"), "keep me too");
        Path dirLink = Files.createSymbolicLink(dir.resolve(".isn-old.2.dirlink"), dirTarget);
        FsTransaction.deleteBackup(dirLink);
        assertFalse(Files.exists(dirLink, LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me too", Files.readString(dirTarget.resolve("file")));
    }

    @Test
    void deletesADirectoryMovedAsideWholeByATypeChange() throws Exception {
        Path backup = Files.createDirectories(dir.resolve(".isn-old.1.share/deep"));
        Files.writeString(backup.resolve("doc"), "doc");
        Files.createDirectories(dir.resolve(".isn-old.2.empty"));
        FsTransaction.deleteBackup(dir.resolve(".isn-old.1.share"));
        FsTransaction.deleteBackup(dir.resolve(".isn-old.2.empty"));
        try (var left = Files.list(dir)) {
            assertTrue(left.findAny().isEmpty());
        }
    }
}
