package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IoMessages;
import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.repo.IndexReader;
import dev.kimigayo.isn.core.repo.PackageFileCheck;
import dev.kimigayo.isn.core.repo.PackageVerifier;
import dev.kimigayo.isn.core.repo.PackageVerifiers;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repo.RepositoryKeys;
import dev.kimigayo.isn.crypto.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code isn verify FILE…}: checks packages ({@code *.isn}) and indexes ({@code *.json} with
 * their {@code .sig}) against the trusted keys; one {@code OK}/{@code FAILED} line per file.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify packages (*.isn) and signed indexes (index.json, with index.json.sig beside it)"
            + " against the trusted keys (--keys-dir; default ROOT/etc/isn/keys, i.e. /etc/isn/keys).",
            "An index is also checked against the package files it lists that are found beside it (size, SHA-256,"
            + " signature, and the signed PKGINFO equal to the index entry).",
            "Prints 'OK FILE' or 'FAILED FILE (code)' per file on stdout, the reason on stderr; exits 4 if any file fails."})
public final class VerifyCommand extends PackageCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Package files (*.isn) and index files (*.json).")
    List<Path> files;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        if (settings.allowUntrusted()) {
            throw new CliException("usage", IsnException.Kind.USAGE,
                    "isn verify checks trust: --allow-untrusted cannot be used with it");
        }
        TrustedKeys keys = RepositoryKeys.trusted(settings.trustedKeys());
        CliContext ctx = parent.context();
        PackageVerifier packages = PackageVerifiers.trusting(keys);
        IndexReader indexes = new IndexReader(keys, Clock.systemUTC());
        ArrayNode results = report.root().putArray("files");
        int failed = 0;
        for (Path file : files) {
            ObjectNode result = results.addObject().put("file", file.toString());
            try {
                String note = verify(file, packages, indexes);
                result.put("ok", true);
                if (!settings.json()) {
                    ctx.out().println("OK " + file);
                }
                output.detail("isn verify: " + file + ": " + note);
            } catch (IsnException e) {
                failed++;
                result.put("ok", false).put("code", e.code()).put("message", e.getMessage());
                if (!settings.json()) {
                    ctx.out().println("FAILED " + file + " (" + e.code() + ")");
                }
                ctx.err().println("isn: error: " + TerminalText.message(e));
            }
        }
        report.root().put("ok", failed == 0);
        return failed == 0 ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }

    private static String verify(Path file, PackageVerifier packages, IndexReader indexes) throws IsnException {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            RepoIndex index = indexes.read(file, OptionalLong.empty());
            Path dir = file.toAbsolutePath().getParent();
            PackageFileCheck.Outcome outcome = PackageFileCheck.checkBeside(index, dir, packages);
            return "index serial " + index.serial() + ", expires " + index.expires() + ", "
                    + index.packages().size() + " packages, " + outcome.checked() + " package files checked against it"
                    + (outcome.absent().isEmpty() ? "" : ", " + outcome.absent().size() + " not present beside it");
        }
        if (name.endsWith(".isn")) {
            try (InputStream in = Files.newInputStream(file)) {
                packages.verify(in, file.toString());
            } catch (NoSuchFileException e) {
                throw unreadable(file, "no such file");
            } catch (IOException e) {
                throw unreadable(file, "cannot read: " + IoMessages.describe(e));
            }
            return "package signature, manifest and every file verified";
        }
        throw unreadable(file, "not a package (*.isn) or an index (*.json)");
    }

    private static CliException unreadable(Path file, String detail) {
        return new CliException("unreadable-file", IsnException.Kind.FAILED, file + ": " + detail);
    }
}
