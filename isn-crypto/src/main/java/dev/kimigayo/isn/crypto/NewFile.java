package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates a file with given content and mode atomically, never replacing an existing file. */
final class NewFile {

    private NewFile() {
    }

    /**
     * Writes a temporary file in the target's directory with the mode set before any content,
     * syncs it, then hard-links it to the target name: link(2) fails if the name exists, so the
     * check and the creation are one atomic step and no reader ever sees a partial file.
     */
    static void write(Path target, byte[] content, String mode) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing file");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.createLink(abs, tmp);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing file");
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
