package dev.kimigayo.isn.e2e.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Debian packages for tests: the Depends/Pre-Depends closure of some names, resolved from
 * the machine's apt data ({@code apt-cache show}, first alternative that exists, as the
 * dataset in ../shared does), downloaded once with {@code apt-get download} into a cache that
 * survives {@code mvn clean} ({@code ~/.cache/isn-tests/debs}, or {@code ISN_TEST_DEB_CACHE}).
 */
final class DebianDebs {

    /** One binary package: its control fields of interest and the downloaded file. */
    record Deb(String name, String version, String architecture, Path file) {
    }

    private DebianDebs() {
    }

    /** The cache directory for downloaded .deb files. */
    static Path cache() throws IOException {
        String configured = System.getenv("ISN_TEST_DEB_CACHE");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "isn-tests", "debs");
        return Files.createDirectories(dir);
    }

    /** The closure of {@code roots}, each downloaded (or found in the cache), sorted by name. */
    static List<Deb> closure(List<String> roots) throws IOException, InterruptedException {
        // name -> its record, or an empty map for a virtual or unknown name; each name is asked once.
        Map<String, Map<String, String>> known = new HashMap<>();
        Set<String> chosen = new java.util.TreeSet<>();
        List<List<String>> wanted = new ArrayList<>();
        roots.forEach(r -> wanted.add(List.of(r)));
        while (!wanted.isEmpty()) {
            List<String> ask = wanted.stream().flatMap(List::stream).filter(n -> !known.containsKey(n)).distinct().toList();
            if (!ask.isEmpty()) {
                Map<String, Map<String, String>> found = show(ask);
                ask.forEach(n -> known.put(n, found.getOrDefault(n, Map.of())));
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> alternatives : wanted) {
                String pick = alternatives.stream().filter(n -> !known.get(n).isEmpty()).findFirst().orElse(null);
                if (pick == null || !chosen.add(pick)) {
                    continue;
                }
                Map<String, String> r = known.get(pick);
                for (String field : List.of("Pre-Depends", "Depends")) {
                    for (String group : r.getOrDefault(field, "").split(",")) {
                        if (!group.isBlank()) {
                            List<String> names = new ArrayList<>();
                            for (String alt : group.split("\\|")) {
                                names.add(alt.trim().split("[ (:]")[0]);
                            }
                            next.add(names);
                        }
                    }
                }
            }
            wanted.clear();
            wanted.addAll(next);
        }
        List<Map<String, String>> records = chosen.stream().map(known::get).toList();
        download(records);
        List<Deb> debs = new ArrayList<>();
        for (Map<String, String> r : records) {
            debs.add(new Deb(r.get("Package"), r.get("Version"), r.get("Architecture"), cache().resolve(fileName(r))));
        }
        return debs;
    }

    /** The candidate record of each name apt knows as a real package; virtual and unknown names are absent. */
    private static Map<String, Map<String, String>> show(List<String> names) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("apt-cache", "show", "--no-all-versions"));
        cmd.addAll(names);
        String out = run(cmd, null, true);
        Map<String, Map<String, String>> result = new HashMap<>();
        for (String stanza : out.split("\n\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String line : stanza.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith(" ")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            if (fields.containsKey("Package")) {
                result.putIfAbsent(fields.get("Package"), fields);
            }
        }
        return result;
    }

    /** The name apt-get download gives the file: the epoch as "1%3a2.5.1-4" (the archive's Filename omits it). */
    private static String fileName(Map<String, String> r) {
        return r.get("Package") + "_" + r.get("Version").replace(":", "%3a") + "_" + r.get("Architecture") + ".deb";
    }

    /** Downloads every record not yet in the cache, with one apt-get call (one start-up, not one per package). */
    private static void download(List<Map<String, String>> records) throws IOException, InterruptedException {
        Path cache = cache();
        List<String> cmd = new ArrayList<>(List.of("apt-get", "download", "-q"));
        for (Map<String, String> r : records) {
            if (!Files.isRegularFile(cache.resolve(fileName(r)))) {
                cmd.add(r.get("Package") + "=" + r.get("Version"));
            }
        }
        if (cmd.size() > 3) {
            run(cmd, cache, false);
        }
        for (Map<String, String> r : records) {
            if (!Files.isRegularFile(cache.resolve(fileName(r)))) {
                try (Stream<Path> s = Files.list(cache)) {
                    throw new IOException("apt-get download did not write " + fileName(r) + " (have: " + s.count() + " files)");
                }
            }
        }
    }

    /** Runs a command, returning its stdout; fails on a non-zero exit unless {@code tolerant}. */
    static String run(List<String> cmd, Path dir, boolean tolerant) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        if (p.exitValue() != 0 && !tolerant) {
            throw new IOException(cmd + " exited with " + p.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
