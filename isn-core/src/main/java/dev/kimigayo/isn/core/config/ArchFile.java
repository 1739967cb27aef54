package dev.kimigayo.isn.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.txn.AtomicFile;
import dev.kimigayo.isn.core.txn.Durability;

/**
 * {@code etc/isn/arch}: the architecture of the packages a root takes, one word such as
 * {@code aarch64}. Written when a root is created ({@code --initdb}, from {@code --arch} or the
 * machine's), so a root built for another machine keeps taking that machine's packages.
 */
public final class ArchFile {

    private ArchFile() {
    }

    /** The architecture named in {@code file}; empty when the file does not exist. */
    public static Optional<String> read(Path file) throws IOException, ConfigSyntaxException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String arch = Files.readString(file, StandardCharsets.UTF_8).strip();
        return Optional.of(check(arch, file));
    }

    /** {@code arch} if isn knows it (one of {@link PkgInfo#ARCHITECTURES} but {@code noarch}), else a syntax error naming {@code source}. */
    public static String check(String arch, Path source) throws ConfigSyntaxException {
        if (!PkgInfo.ARCHITECTURES.contains(arch) || arch.equals("noarch")) {
            throw new ConfigSyntaxException(source, 1, "unknown architecture '" + arch + "': use one of "
                    + String.join(", ", PkgInfo.ARCHITECTURES.stream().filter(a -> !a.equals("noarch")).toList()));
        }
        return arch;
    }

    /** Writes {@code arch} to {@code file}, replacing it atomically. */
    public static void write(Path file, String arch, Durability durability) throws IOException {
        AtomicFile.write(file, (arch + "\n").getBytes(StandardCharsets.UTF_8), durability);
    }
}
