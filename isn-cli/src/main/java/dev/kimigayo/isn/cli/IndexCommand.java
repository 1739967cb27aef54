package dev.kimigayo.isn.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.repo.ExpiryDuration;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.IndexRequest;
import dev.kimigayo.isn.core.repo.IndexResult;
import dev.kimigayo.isn.core.repo.PackageVerifiers;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repo.RepositoryKeys;
import dev.kimigayo.isn.crypto.Ed25519SecretKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code isn index REPO_DIR --key SEC}: verifies every package of a folder and writes its signed index. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Write the signed index (index.json + index.json.sig) of a repository folder.",
            "Every *.isn in the folder is verified first; their signatures must be by the index key."})
public final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Parameters(index = "0", paramLabel = "REPO_DIR", description = "The folder holding the *.isn package files.")
    Path repoDir;

    @Option(names = "--key", required = true, paramLabel = "SEC", description = "The secret key that signs the index (from 'isn keygen').")
    Path keyFile;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "7d",
            description = "How long clients accept the index, e.g. 12h, 7d, 2w (default: ${DEFAULT-VALUE}, at most 366d).")
    String expires;

    @Option(names = "--name", paramLabel = "NAME", description = "The repository name recorded in the index (default: the folder's name).")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "A one-line description recorded in the index.")
    String description;

    @Override
    public Integer call() throws IsnException {
        Duration validity = ExpiryDuration.parse(expires);
        Ed25519SecretKey key = RepositoryKeys.secret(keyFile);
        IndexBuilder builder = new IndexBuilder(PackageVerifiers.trusting(key.publicKey()), Clock.systemUTC());
        long start = System.nanoTime();
        IndexResult result = builder.build(new IndexRequest(repoDir, key, validity, name, description));
        RepoIndex index = result.index();
        CliContext ctx = parent.context();
        ctx.out().println(result.indexFile());
        ctx.err().printf("isn index: %d packages, serial %d, expires %s, key %s (%.1f s)%n",
                index.packages().size(), index.serial(), index.expires(), key.keyId().hex(),
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
