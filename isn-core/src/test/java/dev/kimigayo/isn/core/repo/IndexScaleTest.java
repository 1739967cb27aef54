package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;

/**
 * Indexing at distribution scale: metadata-only packages made from the Debian bookworm dataset
 * (shared/datasets), packed for real, then indexed and read back. The suite runs 1,000 packages;
 * {@code -Disn.index.scale=65518} runs the whole distribution (see docs/format-index.md).
 */
class IndexScaleTest {

    private static final int DEFAULT_COUNT = 1000;

    @Test
    void indexesThousandsOfPackagesQuickly(@TempDir Path dir) throws Exception {
        Path dataset = Path.of(System.getProperty("isn.shared", "../shared"), "datasets/debian-bookworm.jsonl.gz");
        dev.kimigayo.isn.core.Needs.present(Files.isRegularFile(dataset), "no dataset at " + dataset + " (set -Disn.shared)");
        int count = Integer.getInteger("isn.index.scale", DEFAULT_COUNT);
        Ed25519KeyPair key = IndexFixtures.newKey();
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        List<Path> dirs = writeSources(dataset, sources, count);

        long packStart = System.nanoTime();
        pack(dirs, repo, key);
        double packSeconds = (System.nanoTime() - packStart) / 1e9;

        Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:30:00Z"), ZoneOffset.UTC);
        TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()), "test");
        long cpu0 = cpu();
        long indexStart = System.nanoTime();
        IndexResult result = new IndexBuilder(PackageVerifiers.trusting(trusted), clock)
                .build(IndexRequest.of(repo, key.secretKey()));
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        double indexCpu = (cpu() - cpu0) / 1e9;
        long readStart = System.nanoTime();
        RepoIndex read = new IndexReader(trusted, clock).read(result.indexFile(), OptionalLong.empty());
        double readSeconds = (System.nanoTime() - readStart) / 1e9;

        assertEquals(dirs.size(), read.packages().size());
        System.out.printf("IndexScaleTest: %d packages: pack %.1f s, index %.1f s wall / %.1f s CPU (%.2f ms CPU"
                + " per package), read+verify index %.2f s, index.json %d bytes%n", dirs.size(), packSeconds,
                indexSeconds, indexCpu, 1000 * indexCpu / dirs.size(), readSeconds, Files.size(result.indexFile()));
        // 65,000 packages must take minutes: at most 300 s of CPU for the whole distribution, pro rata
        // (CPU, not wall time, so a loaded build machine does not fail the test).
        assertTrue(indexCpu < 300.0 * dirs.size() / 65_000 + 5, "indexing used " + indexCpu + " s of CPU");
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One source folder (PKGINFO only) per dataset line, for the first {@code count} unique names. */
    private static List<Path> writeSources(Path dataset, Path sources, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> dirs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dataset)), StandardCharsets.UTF_8))) {
            for (String line; dirs.size() < count && (line = in.readLine()) != null; ) {
                JsonNode p = json.readTree(line);
                String name = p.get("name").asText();
                String id = name + "-" + p.get("version").asText();
                if (!seen.add(id)) {
                    continue;
                }
                StringBuilder info = new StringBuilder()
                        .append("name = ").append(name).append('\n')
                        .append("version = ").append(p.get("version").asText()).append('\n')
                        .append("architecture = ").append(p.get("architecture").asText()).append('\n')
                        .append("description = ").append(p.get("description").asText().strip()).append('\n');
                values(info, "depends", p.get("depends"));
                values(info, "depends", p.get("conflicts"));
                values(info, "provides", p.get("provides"));
                Path d = Files.createDirectories(sources.resolve(id));
                Files.writeString(d.resolve("PKGINFO"), info);
                dirs.add(d);
            }
        }
        return dirs;
    }

    private static void values(StringBuilder info, String key, JsonNode list) {
        for (JsonNode v : list) {
            info.append(key).append(" = ").append(v.asText()).append('\n');
        }
    }

    /** Packs on all processors, one builder per thread (builders are not thread-safe). */
    private static void pack(List<Path> dirs, Path repo, Ed25519KeyPair key) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    PackageBuilder builder = new PackageBuilder(java.util.OptionalLong.of(0), PackageSigner.with(key.secretKey()));
                    for (int i = first; i < dirs.size(); i += threads) {
                        builder.build(dirs.get(i), repo);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
