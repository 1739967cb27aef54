package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kimigayo.isn.core.IoMessages;
import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.IsnException.Kind;
import dev.kimigayo.isn.core.archive.PackResult;
import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.core.archive.StagedPackage;
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
            "bit-identical output whatever the mtimes, listing order, locale or time zone; modes and",
            "owners are recorded as the tree has them (as root; PKGATTRS declares them otherwise).",
            "A batch that fails for one directory writes no package at all.",
            "SOURCE_DATE_EPOCH sets the recorded dates (default: PKGINFO build_date, else 0).",
            "Prints each written file.",
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

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Pack up to N directories at once (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    private final Set<Path> written = new HashSet<>();

    @Override
    public Integer call() throws IsnException {
        CliContext context = parent.context();
        PackageSigner signer = key == null ? null : signer();
        if (signer == null) {
            context.err().println("isn pack: warning: no --key given; the packages are unsigned and will only"
                    + " install with --allow-untrusted");
        }
        OptionalLong epoch = epoch(context.env().get("SOURCE_DATE_EPOCH"));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CliException("io-error", Kind.FAILED, "cannot create the output directory " + outDir + ": " + IoMessages.describe(e), e);
        }
        int threads = Math.max(1, Math.min(jobs, dirs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Every package is written under a temporary name first; only when all of them succeeded do
        // they get their names, so a batch with one bad directory writes nothing.
        List<StagedPackage> staged = new ArrayList<>(dirs.size());
        Queue<StagedPackage> created = new ConcurrentLinkedQueue<>();
        Deque<Future<StagedPackage>> pending = new ArrayDeque<>();
        boolean done = false;
        try {
            ThreadLocal<PackageBuilder> builders = ThreadLocal.withInitial(() -> new PackageBuilder(epoch, signer));
            // Bounded look-ahead keeps memory flat for tens of thousands of directories; output stays in argument order.
            for (Path dir : dirs) {
                pending.add(pool.submit(() -> {
                    StagedPackage p = builders.get().stage(dir, outDir);
                    created.add(p);
                    return p;
                }));
                if (pending.size() >= threads * 4) {
                    staged.add(take(pending.remove()));
                }
            }
            while (!pending.isEmpty()) {
                staged.add(take(pending.remove()));
            }
            for (StagedPackage p : staged) {
                if (!written.add(p.result().file())) {
                    throw new CliException("duplicate-package", Kind.USAGE, "two directories give the same package "
                            + p.result().file().getFileName() + "; each NAME-VERSION may be packed once per call");
                }
            }
            for (StagedPackage p : staged) {
                context.out().println(commit(p).file());
            }
            done = true;
        } finally {
            pool.shutdownNow();
            if (!done) {
                discard(pool, created);
            }
        }
        return ExitCodes.OK;
    }

    private StagedPackage take(Future<StagedPackage> future) throws IsnException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", Kind.FAILED, "isn pack was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IsnException ie) {
                throw ie;
            }
            throw new CliException("io-error", Kind.FAILED, "cannot pack: " + IoMessages.describe(e.getCause()), e.getCause());
        }
    }

    private static PackResult commit(StagedPackage p) throws CliException {
        try {
            return p.commit();
        } catch (IOException e) {
            throw new CliException("io-error", Kind.FAILED, "cannot rename " + p.temp() + " to " + p.result().file()
                    + ": " + e, e);
        }
    }

    /** Removes every temporary package of a failed batch, once the packers still running have stopped. */
    private static void discard(ExecutorService pool, Queue<StagedPackage> created) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (StagedPackage p : created) {
            try {
                p.discard();
            } catch (IOException e) {
                // Best effort: a leftover hidden .tmp file is harmless and replaced by the next run.
            }
        }
    }

    private PackageSigner signer() throws CliException {
        try {
            return PackageSigner.with(KeyFiles.readSecret(key));
        } catch (IOException e) {
            throw new CliException("io-error", Kind.USAGE, "cannot read the secret key " + key + ": " + IoMessages.describe(e), e);
        } catch (MalformedKeyException e) {
            throw new CliException("malformed-key", Kind.USAGE, e.getMessage()
                    + "; --key takes the NAME.sec file written by isn keygen", e);
        }
    }

    /** SOURCE_DATE_EPOCH as reproducible-builds.org defines it: decimal seconds since the epoch; empty when unset. */
    static OptionalLong epoch(String value) throws CliException {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!value.matches("[0-9]{1,11}") || Long.parseLong(value) > 077777777777L) {
            throw new CliException("invalid-source-date-epoch", Kind.USAGE, "SOURCE_DATE_EPOCH='" + value
                    + "' is not a number of seconds since 1970-01-01 (0 to 8589934591)");
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
