package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.IsnException.Kind;
import dev.kimigayo.isn.core.archive.PackResult;
import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.crypto.MalformedKeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code isn pack DIR… -o OUTDIR [--key SEC]}: builds one deterministic package per directory. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Build deterministic, signed packages (NAME-VERSION.isn) from directories.",
            "Each DIR holds PKGINFO, an optional .INSTALL and the payload tree. The same input gives",
            "bit-identical output whatever the mtimes, umask, owners, locale or time zone;",
            "SOURCE_DATE_EPOCH sets the recorded dates (default 0). Prints each written file.",
            "Many directories: pass them in a file, one per line, as @FILE. See docs/format-package.md."},
        footer = {"%nExamples:", "  isn pack pkgs/vim -o repo --key keys/repo.sec",
            "  isn pack @dirs.txt -o repo --key keys/repo.sec   (one directory per line in dirs.txt)"})
public final class PackCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Package source directories.")
    List<Path> dirs;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", required = true,
            description = "Write the packages into OUTDIR (created if missing; existing files are replaced).")
    Path outDir;

    @Option(names = {"-k", "--key"}, paramLabel = "SEC",
            description = "Sign with this secret key (from isn keygen). Without it the packages are unsigned,"
                    + " and isn refuses them unless --allow-untrusted.")
    Path key;

    @Override
    public Integer call() throws IsnException {
        CliContext context = parent.context();
        PackageSigner signer = key == null ? null : signer();
        if (signer == null) {
            context.err().println("isn pack: warning: no --key given; the packages are unsigned and will only"
                    + " install with --allow-untrusted");
        }
        PackageBuilder builder = new PackageBuilder(epoch(context.env().get("SOURCE_DATE_EPOCH")), signer);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CliException("io-error", Kind.FAILED, "cannot create the output directory " + outDir + ": " + e, e);
        }
        for (Path dir : dirs) {
            PackResult result;
            try {
                result = builder.build(dir, outDir);
            } catch (IOException e) {
                throw new CliException("io-error", Kind.FAILED, "cannot pack " + dir + ": " + e, e);
            }
            context.out().println(result.file());
        }
        return ExitCodes.OK;
    }

    private PackageSigner signer() throws CliException {
        try {
            return PackageSigner.with(KeyFiles.readSecret(key));
        } catch (IOException e) {
            throw new CliException("io-error", Kind.USAGE, "cannot read the secret key " + key + ": " + e, e);
        } catch (MalformedKeyException e) {
            throw new CliException("malformed-key", Kind.USAGE, e.getMessage()
                    + "; --key takes the NAME.sec file written by isn keygen", e);
        }
    }

    /** SOURCE_DATE_EPOCH as reproducible-builds.org defines it: decimal seconds since the epoch. */
    static long epoch(String value) throws CliException {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (!value.matches("[0-9]{1,11}") || Long.parseLong(value) > 077777777777L) {
            throw new CliException("invalid-source-date-epoch", Kind.USAGE, "SOURCE_DATE_EPOCH='" + value
                    + "' is not a number of seconds since 1970-01-01 (0 to 8589934591)");
        }
        return Long.parseLong(value);
    }
}
