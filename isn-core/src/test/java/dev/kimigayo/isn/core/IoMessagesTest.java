package dev.kimigayo.isn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class IoMessagesTest {

    @Test
    void namesThePathInWords() {
        assertEquals("no such file or directory: /r/x", IoMessages.describe(new NoSuchFileException("/r/x")));
        assertEquals("permission denied: /r/x", IoMessages.describe(new AccessDeniedException("/r/x")));
        assertEquals("no space left on device: /r/usr/bin/vi",
                IoMessages.describe(new FileSystemException("/r/usr/bin/vi", null, "No space left on device")));
        assertEquals("file name too long: /r/a", IoMessages.describe(new FileSystemException("/r/a", null,
                "File name too long")));
        assertEquals("unknown host", IoMessages.describe(new UnresolvedAddressException()));
        assertEquals("permission denied: /k", IoMessages.describe(new IOException(new AccessDeniedException("/k"))));
    }

    @Test
    void aRealFailureIsDescribedWithoutItsClassName() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/nonexistent/isn-test")));
        assertEquals("no such file or directory: /nonexistent/isn-test", IoMessages.describe(e));
    }
}
