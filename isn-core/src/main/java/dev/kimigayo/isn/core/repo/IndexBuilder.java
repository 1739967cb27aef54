package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.txn.AtomicFile;

/**
 * Builds, signs and writes the index of a repository folder ({@code isn index}): verifies every
 * {@code *.isn} file in it, lists them in canonical order with their size and SHA-256, gives the
 * index the next serial, and replaces {@code index.json} and {@code index.json.sig} atomically.
 */
public final class IndexBuilder {

    /** The name of the index file in a repository folder. */
    public static final String INDEX_FILE = "index.json";

    private final PackageVerifier verifier;
    private final Clock clock;
    private final int maxSize;

    /** A builder checking packages with {@code verifier} and dating indexes by {@code clock}. */
    public IndexBuilder(PackageVerifier verifier, Clock clock) {
        this(verifier, clock, IndexJsonParser.MAX_SIZE);
    }

    /** A builder refusing indexes above {@code maxSize} bytes (tests use a small one). */
    IndexBuilder(PackageVerifier verifier, Clock clock, int maxSize) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** Indexes the folder of {@code request} and writes the signed index into it. */
    public IndexResult build(IndexRequest request) throws IsnException {
        Path dir = request.repoDir();
        if (!Files.isDirectory(dir)) {
            throw new RepositoryIoException("not a folder: " + dir + ": give the folder holding the *.isn files",
                    new java.nio.file.NotDirectoryException(dir.toString()));
        }
        List<IndexEntry> entries = new ArrayList<>(new PackageScanner(verifier).scan(packageFiles(dir)));
        checkUnique(entries);
        entries.sort(IndexEntry.ORDER);

        Path indexFile = dir.resolve(INDEX_FILE);
        Path sigFile = IndexReader.signatureOf(indexFile);
        Instant generated = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long serial = SerialRule.next(previousSerial(indexFile), generated);
        RepoIndex index = new RepoIndex(RepoIndex.FORMAT_VERSION,
                new RepositoryInfo(request.name(), request.description()), serial, generated,
                generated.plus(request.validity()), entries);
        byte[] json = IndexJsonWriter.write(index);
        // Index never writes what clients refuse (the download and parse cap).
        if (json.length > maxSize) {
            throw new IndexTooLargeException(dir.toString(), json.length, maxSize);
        }
        byte[] sig = request.key().sign(json).encode();
        try {
            // index.json first: a client that fetches in between sees a bad signature and retries,
            // never an old signature accepted over new data.
            AtomicFile.publish(indexFile, json);
            AtomicFile.publish(sigFile, sig);
        } catch (IOException e) {
            throw new RepositoryIoException("cannot write the index into " + dir + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
        return new IndexResult(index, indexFile, sigFile);
    }

    /** The package files of {@code dir} ({@code *.isn}, regular files), sorted by name. */
    static List<Path> packageFiles(Path dir) throws RepositoryIoException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".isn") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RepositoryIoException("cannot list " + dir + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }

    private static void checkUnique(List<IndexEntry> entries) throws DuplicatePackageException {
        Map<String, String> seen = new HashMap<>();
        for (IndexEntry e : entries) {
            String id = e.info().name() + " " + e.info().version() + " " + e.info().architecture();
            String other = seen.putIfAbsent(id, e.file());
            if (other != null) {
                throw new DuplicatePackageException(id, other, e.file());
            }
        }
    }

    private static OptionalLong previousSerial(Path indexFile) throws IsnException {
        if (!Files.exists(indexFile)) {
            return OptionalLong.empty();
        }
        byte[] json = IndexReader.readCapped(indexFile, IndexJsonParser.MAX_SIZE, indexFile.toString());
        return OptionalLong.of(IndexJsonParser.peekSerial(json, indexFile.toString()));
    }
}
