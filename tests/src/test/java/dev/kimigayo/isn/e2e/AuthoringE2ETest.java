package dev.kimigayo.isn.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * The repository maintainer's path with the real launcher: keygen → pack the sample repository →
 * index → verify, then the refusals a client must see when something in the chain is changed.
 */
class AuthoringE2ETest {

    private static final Pattern SERIAL = Pattern.compile("\"serial\": ([0-9]+),");

    @TempDir
    static Path work;
    static Path repo;
    static Path trusted;
    static Path secret;

    private static IsnResult isn(String... args) throws Exception {
        return IsnProcess.isn().run(args);
    }

    private static List<String> sampleDirs() throws Exception {
        try (Stream<Path> dirs = Files.list(IsnProcess.projectRoot().resolve("packaging/sample-repo"))) {
            return dirs.filter(Files::isDirectory).map(Path::toString).sorted().toList();
        }
    }

    @BeforeAll
    static void buildRepository() throws Exception {
        Path keys = Files.createDirectories(work.resolve("keys"));
        isn("keygen", "demo", "-o", keys.toString()).assertSuccess();
        secret = keys.resolve("demo.sec");
        trusted = Files.createDirectories(work.resolve("trusted"));
        Files.copy(keys.resolve("demo.pub"), trusted.resolve("demo.pub"));
        repo = Files.createDirectories(work.resolve("repo"));
        List<String> pack = new ArrayList<>(List.of("pack"));
        pack.addAll(sampleDirs());
        pack.addAll(List.of("-o", repo.toString(), "--key", secret.toString()));
        isn(pack.toArray(String[]::new)).assertSuccess();
        isn("index", repo.toString(), "--key", secret.toString()).assertSuccess();
    }

    private static List<String> packageFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).filter(f -> f.endsWith(".isn")).sorted().toList();
        }
    }

    private static IsnResult verify(Path keysDir, List<String> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--keys-dir", keysDir.toString()));
        args.addAll(files);
        return isn(args.toArray(String[]::new));
    }

    @Test
    void everyPackageAndTheIndexVerify() throws Exception {
        List<String> files = new ArrayList<>(packageFiles(repo));
        assertEquals(sampleDirs().size(), files.size(), "one package per sample folder");
        files.add(repo.resolve("index.json").toString());
        IsnResult r = verify(trusted, files).assertSuccess();
        List<String> expected = files.stream().map(f -> "OK " + f).toList();
        assertEquals(expected, r.stdout().lines().toList(), r.describe());
        String index = Files.readString(repo.resolve("index.json"));
        assertTrue(index.contains("\"name\":\"vim\",\"version\":\"9.0.2127-r0\",\"architecture\":\"x86_64\""), index);
    }

    @Test
    void reindexingGrowsTheSerial(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (String f : packageFiles(repo)) {
            Files.copy(Path.of(f), copy.resolve(Path.of(f).getFileName()));
        }
        isn("index", copy.toString(), "--key", secret.toString(), "--expires", "12h").assertSuccess();
        long first = serial(copy);
        isn("index", copy.toString(), "--key", secret.toString()).assertSuccess();
        assertTrue(serial(copy) > first, "serial grows: " + first + " then " + serial(copy));
    }

    @Test
    void tamperedPackageAndIndexAreRefused(@TempDir Path dir) throws Exception {
        Path vim = Path.of(packageFiles(repo).stream().filter(f -> f.endsWith("/vim-9.0.2127-r0.isn")).findFirst().orElseThrow());
        Path bad = dir.resolve("vim-9.0.2127-r0.isn");
        byte[] bytes = Files.readAllBytes(vim);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(bad, bytes);
        IsnResult r = verify(trusted, List.of(vim.toString(), bad.toString())).assertExit(4);
        assertEquals("OK " + vim, r.stdout().lines().findFirst().orElseThrow(), r.describe());
        assertTrue(r.stdout().contains("FAILED " + bad + " ("), r.describe());
        assertTrue(r.stderr().contains("isn: error: "), r.describe());

        Path index = dir.resolve("index.json");
        Files.writeString(index, Files.readString(repo.resolve("index.json")).replaceFirst("\"serial\": ", "\"serial\": 9"));
        Files.copy(repo.resolve("index.json.sig"), dir.resolve("index.json.sig"));
        IsnResult forged = verify(trusted, List.of(index.toString())).assertExit(4);
        assertEquals("FAILED " + index + " (bad-signature)", forged.stdout().strip(), forged.describe());
        assertTrue(forged.stderr().contains("bad index signature by key"), forged.describe());
    }

    @Test
    void unknownKeyIsRefused(@TempDir Path dir) throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        isn("keygen", "stranger", "-o", dir.toString()).assertSuccess();
        Files.copy(dir.resolve("stranger.pub"), other.resolve("stranger.pub"));
        IsnResult r = verify(other, List.of(repo.resolve("index.json").toString(), packageFiles(repo).get(0))).assertExit(4);
        assertTrue(r.stdout().contains("FAILED " + repo.resolve("index.json") + " (unknown-key)"), r.describe());
        assertTrue(r.stderr().contains("index signed by unknown key"), r.describe());
        assertEquals(2, r.stdout().lines().filter(l -> l.startsWith("FAILED ")).count(), r.describe());
    }

    @Test
    void packageReplacedAfterIndexingIsAHashMismatch(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("repo"));
        for (String f : packageFiles(repo)) {
            Files.copy(Path.of(f), copy.resolve(Path.of(f).getFileName()));
        }
        Files.copy(repo.resolve("index.json"), copy.resolve("index.json"));
        Files.copy(repo.resolve("index.json.sig"), copy.resolve("index.json.sig"));
        // A validly signed package with other content under the same name: only the index notices.
        Path src = dir.resolve("src/musl");
        copyTree(IsnProcess.projectRoot().resolve("packaging/sample-repo/musl"), src);
        Files.writeString(src.resolve("usr/share/licenses/musl/COPYRIGHT"), "changed\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        isn("pack", src.toString(), "-o", out.toString(), "--key", secret.toString()).assertSuccess();
        Files.copy(out.resolve("musl-1.2.5-r0.isn"), copy.resolve("musl-1.2.5-r0.isn"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IsnResult r = verify(trusted, List.of(copy.resolve("musl-1.2.5-r0.isn").toString(),
                copy.resolve("index.json").toString())).assertExit(4);
        assertTrue(r.stdout().startsWith("OK " + copy.resolve("musl-1.2.5-r0.isn")), r.describe());
        assertTrue(r.stdout().contains("FAILED " + copy.resolve("index.json") + " ("), r.describe());
        assertTrue(r.stderr().contains("mismatch, " + copy.resolve("musl-1.2.5-r0.isn")), r.describe());
    }

    private static long serial(Path dir) throws Exception {
        Matcher m = SERIAL.matcher(Files.readString(dir.resolve("index.json"), StandardCharsets.UTF_8));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
