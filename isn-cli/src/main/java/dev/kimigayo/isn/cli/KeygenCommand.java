package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.IoMessages;
import dev.kimigayo.isn.core.IsnException.Kind;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code isn keygen NAME [-o DIR]}: writes a new Ed25519 key pair NAME.sec (0600) and NAME.pub. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate an Ed25519 signing key pair: NAME.sec (secret, mode 0600) and NAME.pub.",
            "Prints the key id on stdout. The files are signify-compatible (docs/format-keys.md)."},
        footer = {"%nExamples:", "  isn keygen repo -o keys      writes keys/repo.sec and keys/repo.pub",
            "  install keys/repo.pub into ROOT/etc/isn/keys/ to trust what repo.sec signs"})
public final class KeygenCommand implements Callable<Integer> {

    /** Key names become file names and comments: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

    @ParentCommand
    IsnCommand parent;

    @Parameters(paramLabel = "NAME", description = "Base name of the key files (letters, digits, . _ @ + -).")
    String name;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write the files into DIR (default: .).")
    Path dir = Path.of(".");

    @Override
    public Integer call() throws CliException {
        if (!NAME.matcher(name).matches()) {
            throw new CliException("invalid-key-name", Kind.USAGE, "invalid key name '" + name
                    + "': use 1-64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit");
        }
        Path sec = dir.resolve(name + ".sec");
        Path pub = dir.resolve(name + ".pub");
        for (Path p : new Path[] {sec, pub}) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw exists(p);
            }
        }
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        try {
            Files.createDirectories(dir);
            KeyFiles.writeSecret(sec, pair.secretKey(), name);
            try {
                KeyFiles.writePublic(pub, pair.publicKey(), name);
            } catch (IOException e) {
                // Never leave half a pair: a secret key without its public key is useless and confusing.
                Files.deleteIfExists(sec);
                throw e;
            }
        } catch (FileAlreadyExistsException e) {
            throw exists(Path.of(e.getFile()));
        } catch (IOException e) {
            throw new CliException("io-error", Kind.FAILED, "cannot write the key pair in " + dir + ": " + IoMessages.describe(e), e);
        }
        parent.context().out().println(pair.keyId().hex());
        parent.context().err().println("isn keygen: wrote " + sec + " (secret, keep it private) and " + pub
                + " (public, copy it to etc/isn/keys/ of the systems that trust it); key id " + pair.keyId().hex());
        return ExitCodes.OK;
    }

    private static CliException exists(Path p) {
        return new CliException("file-exists", Kind.USAGE, p + " already exists; isn keygen never overwrites a key"
                + " (choose another NAME or -o DIR, or remove the old key first)");
    }
}
